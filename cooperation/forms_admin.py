"""Forms of the consulting & matching desk."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import REASON_MAX, CooperationRequest, PartnerOrganization, ProposedPartner
from .services import TRANSITIONS

# The staff group that runs homestays and matching (made by a migration).
COORDINATORS = "Exchange coordinators"


def consultants():
    """Staff who may take requests: the exchange coordinators and superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name=COORDINATORS))
        .distinct()
        .order_by("name", "email")
    )


class ConsultantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} <{obj.email}>" if obj.name else obj.email


class TransitionForm(forms.Form):
    """Move a request on: to the states allowed from where it is, with what each one needs."""

    state = forms.ChoiceField(label=_("New state"), widget=forms.RadioSelect, required=False)
    consultant = ConsultantChoiceField(
        label=_("Consultant"), queryset=None, required=False, help_text=_("Needed to assign the request.")
    )
    matched = forms.ModelMultipleChoiceField(
        label=_("Matched with"),
        queryset=ProposedPartner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Needed for “Matched”: the proposed partners the organisation agreed to work with. Introduce "
            "them by email, giving each only the organisation's name and the contact person's name, "
            "position, email address and phone number, as the requester agreed."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for closing"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for “Closed”. The requester reads it."),
    )

    def __init__(self, *args, request: CooperationRequest, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS[request.state]
        self.fields["state"].choices = [
            choice for choice in CooperationRequest.State.choices if choice[0] in allowed
        ]
        self.fields["consultant"].queryset = consultants()
        self.fields["consultant"].initial = request.consultant_id
        self.fields["matched"].queryset = request.proposals.select_related("partner")
        self.fields["matched"].label_from_instance = lambda proposal: str(proposal.partner)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        consultant = cleaned.get("consultant")
        if not cleaned.get("state") and (consultant is None or consultant.pk == self.request.consultant_id):
            raise forms.ValidationError(_("Choose a new state, or another consultant."))
        return cleaned


class ProposalForm(forms.ModelForm):
    class Meta:
        model = ProposedPartner
        fields = ["partner", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 40})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.partner_id if self.instance.pk else None
        self.fields["partner"].queryset = PartnerOrganization.objects.filter(Q(active=True) | Q(pk=current))


class RequestAdminForm(forms.ModelForm):
    """Nothing of the request itself is edited by staff: it is the organisation's own text."""

    class Meta:
        model = CooperationRequest
        fields = []
