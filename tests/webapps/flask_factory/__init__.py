"""A Flask app built by an application factory: blueprints registered inside it, MethodView classes."""
