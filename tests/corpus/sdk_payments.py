"""Corpus: a payments SDK written by hand: v1-style `class Config`, `Annotated` stacks,
constrained lists, `Literal`-keyed dicts, `populate_by_name`, `serialize_by_alias`,
expandable fields (`Union[str, Model]`), list envelopes, deleted-object stubs."""

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, ClassVar, Dict, Generic, List, Literal, Optional, TypeVar, Union

from annotated_types import Ge, Len, MaxLen, MinLen
from pydantic import (
    AliasPath,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    PlainSerializer,
    RootModel,
    StringConstraints,
    computed_field,
    field_serializer,
)
from pydantic.alias_generators import to_camel

ObjectT = TypeVar("ObjectT")

CurrencyCode = Annotated[str, StringConstraints(min_length=3, max_length=3, to_lower=True), Field(examples=["usd"])]
Cents = Annotated[int, Ge(0), Field(description="Amount in the smallest currency unit.")]
Percent = Annotated[float, Field(ge=0, le=100)]
ShortText = Annotated[str, MinLen(1), MaxLen(500)]
DecimalString = Annotated[Decimal, PlainSerializer(lambda d: str(d), return_type=str)]
Metadata = Dict[str, Annotated[str, MaxLen(500)]]


class StripeObject(BaseModel):
    class Config:
        extra = "allow"
        populate_by_name = True

    id: str
    object: str
    livemode: bool = False


class Address(BaseModel):
    class Config:
        frozen = True

    line1: Optional[str] = None
    line2: Optional[str] = None
    city: Optional[str] = None
    postal_code: Optional[str] = None
    country: Optional[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = None


class CardBrand(str, Enum):
    visa = "visa"
    mastercard = "mastercard"
    amex = "amex"
    unknown = "unknown"


class Card(BaseModel):
    brand: CardBrand
    last4: Annotated[str, Len(4, 4)]
    exp_month: Annotated[int, Field(ge=1, le=12)]
    exp_year: Annotated[int, Ge(2000)]
    checks: Dict[Literal["cvc_check", "address_line1_check", "address_postal_code_check"],
                 Optional[Literal["pass", "fail", "unavailable", "unchecked"]]] = {}


class Customer(StripeObject):
    object: Literal["customer"] = "customer"
    email: Optional[EmailStr] = None
    name: Optional[ShortText] = None
    address: Optional[Address] = None
    balance: int = 0
    currency: Optional[CurrencyCode] = None
    metadata: Metadata = {}
    created: datetime


class DeletedCustomer(BaseModel):
    id: str
    object: Literal["customer"] = "customer"
    deleted: Literal[True]


class PaymentMethod(StripeObject):
    object: Literal["payment_method"] = "payment_method"
    type: Literal["card", "sepa_debit", "us_bank_account"]
    card: Optional[Card] = None
    customer: Optional[Union[str, Customer]] = None
    billing_details: Dict[Literal["email", "name", "phone"], Optional[str]] = {}


class Price(StripeObject):
    object: Literal["price"] = "price"
    currency: CurrencyCode
    unit_amount: Optional[Cents] = None
    unit_amount_decimal: Optional[DecimalString] = None
    recurring: Optional[Dict[Literal["interval", "interval_count"], Union[str, int]]] = None
    tiers_mode: Optional[Literal["graduated", "volume"]] = None


class LineItem(BaseModel):
    id: str
    price: Price
    quantity: Annotated[int, Field(ge=1)] = 1
    discount_amounts: List[Dict[Literal["amount", "discount"], Union[int, str]]] = []


class ListObject(BaseModel, Generic[ObjectT]):
    object: Literal["list"] = "list"
    data: List[ObjectT]
    has_more: bool
    url: str


class CustomerList(ListObject[Customer]):
    pass


class Invoice(StripeObject):
    model_config = ConfigDict(serialize_by_alias=True)
    object: Literal["invoice"] = "invoice"
    customer: Union[str, Customer, DeletedCustomer]
    lines: ListObject[LineItem]
    total: Cents
    tax_percent: Optional[Percent] = None
    status: Literal["draft", "open", "paid", "uncollectible", "void"]
    due_date: Optional[date] = None
    hosted_invoice_url: Optional[HttpUrl] = None
    footer: Optional[Annotated[str, MaxLen(5000)]] = Field(None, alias="footerText")


class CreateCustomerParams(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, serialize_by_alias=True)
    email: Optional[EmailStr] = None
    name: Optional[ShortText] = None
    payment_method: Optional[str] = None
    invoice_settings: Optional[Dict[Literal["default_payment_method", "footer"], str]] = None
    tax_ids: Annotated[List[Dict[Literal["type", "value"], str]], Field(max_length=5)] = []
    metadata: Metadata = {}


class ItemParams(BaseModel):
    price: str
    quantity: Annotated[int, Field(ge=1, le=999)] = 1


class CreateSubscriptionParams(BaseModel):
    customer: str
    items: Annotated[List[ItemParams], Field(min_length=1, max_length=20)]
    trial_period_days: Optional[Annotated[int, Ge(0), Field(le=730)]] = None
    cancel_at_period_end: bool = False
    default_tax_rates: Optional[List[str]] = Field(None, min_length=1)
    proration_behavior: Literal["create_prorations", "none", "always_invoice"] = "create_prorations"


class Subscription(StripeObject):
    object: Literal["subscription"] = "subscription"
    customer: Union[str, Customer]
    items: ListObject[LineItem]
    status: Literal["incomplete", "trialing", "active", "past_due", "canceled", "unpaid", "paused"]
    current_period_end: int
    cancel_at: Optional[int] = None


class Refund(StripeObject):
    object: Literal["refund"] = "refund"
    amount: Cents
    reason: Optional[Literal["duplicate", "fraudulent", "requested_by_customer"]] = None
    charge: Optional[str] = None
    metadata: Metadata = {}


class Balance(BaseModel):
    available: List[Dict[Literal["amount", "currency"], Union[int, str]]]
    pending: List[Dict[Literal["amount", "currency"], Union[int, str]]]


class WebhookEndpoint(StripeObject):
    object: Literal["webhook_endpoint"] = "webhook_endpoint"
    url: HttpUrl
    enabled_events: Annotated[List[str], Field(min_length=1)]
    api_version: Optional[str] = None
    secret: Optional[str] = Field(None, exclude=True)


class EventData(BaseModel):
    object: Dict[str, Any]
    previous_attributes: Optional[Dict[str, Any]] = None


class Event(StripeObject):
    object: Literal["event"] = "event"
    type: str
    data: EventData
    request: Optional[Dict[Literal["id", "idempotency_key"], Optional[str]]] = None


class Money(BaseModel):
    amount: Decimal
    currency: CurrencyCode

    @field_serializer("amount")
    def _amount(self, value: Decimal) -> str:
        return f"{value:.2f}"


class Quote(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    total: Money
    discount: Optional[Money] = None
    tax_rate: Percent = 0.0
    customer_email: Optional[str] = Field(None, validation_alias=AliasPath("customer", "email"))
    version: ClassVar[int] = 2

    @computed_field
    @property
    def has_discount(self) -> bool:
        return self.discount is not None


class Amounts(RootModel[Dict[Literal["subtotal", "tax", "total"], Cents]]):
    root: Dict[Literal["subtotal", "tax", "total"], Cents]


class Receipt(BaseModel):
    number: str
    amounts: Amounts
    lines: Annotated[List[LineItem], Field(min_length=1)]
    issued_on: date


class LegacyCharge(BaseModel):
    class Config:
        allow_population_by_field_name = True
        anystr_strip_whitespace = True
        use_enum_values = True

    id: str
    amount: int
    currency: str = "usd"
    captured: bool = False
    failure_code: Optional[str] = None
    outcome: Optional[Dict[str, Any]] = None
