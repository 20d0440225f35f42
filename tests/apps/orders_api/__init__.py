"""An orders API: a generic envelope, computed fields, Decimal, two classes named `Item`."""
