"""Forms of the homestay desk: reviewing an offer, placing a guest (with its conflict flags), importing
guests."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .conflicts import placement_conflicts
from .guest_import import MAX_BYTES
from .models import GUEST_TEXT_MAX, REVIEW_MESSAGE_MAX, Assignment, HostOffer


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (HostOffer.Status.APPROVED, _("Approve")),
            (HostOffer.Status.CHANGES_REQUESTED, _("Ask for changes")),
            (HostOffer.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the host"),
        max_length=REVIEW_MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed to ask for changes or to decline: the host reads it on their page and by email."),
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision and decision != HostOffer.Status.APPROVED and not cleaned.get("message", "").strip():
            self.add_error("message", _("Tell the host what to change, or why the offer is declined."))
        return cleaned


class AssignmentForm(forms.ModelForm):
    """Place a guest with an approved household. Every rule the stay breaks is shown as an error before
    anything is saved; giving a reason saves it anyway, and the reason is recorded."""

    override_reason = forms.CharField(
        label=_("Reason for overriding the flags"),
        max_length=GUEST_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only when the placement breaks a rule you accept, e.g. “The family will keep the cat in "
            "another room”."
        ),
    )

    class Meta:
        model = Assignment
        fields = ["guest", "host", "starts_on", "ends_on", "override_reason"]
        help_texts = {
            "starts_on": _("Empty: the day the delegation arrives."),
            "ends_on": _("The day the guest leaves the household. Empty: the day the delegation departs."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = []
        if "host" in self.fields:
            # The current household stays in the list even if its offer is back in review, to say so.
            hosts = HostOffer.objects.filter(
                Q(status=HostOffer.Status.APPROVED) | Q(pk=self.instance.host_id)
            )
            self.fields["host"].queryset = hosts.select_related("user")
            self.fields["host"].help_text = gettext("Approved host families only.")
        if "guest" in self.fields:
            self.fields["guest"].queryset = self.fields["guest"].queryset.select_related("delegation")
        for name in ("starts_on", "ends_on"):
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        guest = cleaned.get("guest") or (self.instance.guest if self.instance.pk else None)
        host = cleaned.get("host")
        if guest is None or host is None:
            return cleaned
        if host.status != HostOffer.Status.APPROVED:
            self.add_error(
                "host",
                gettext("This household's offer is not approved (%(status)s). Review it first.")
                % {"status": host.get_status_display()},
            )
            return cleaned
        delegation = guest.delegation
        starts_on = cleaned.get("starts_on") or delegation.arrives_on
        ends_on = cleaned.get("ends_on") or delegation.departs_on
        cleaned["starts_on"], cleaned["ends_on"] = starts_on, ends_on
        if ends_on <= starts_on:
            self.add_error("ends_on", _("The stay must end after it starts."))
            return cleaned
        if starts_on < delegation.arrives_on or ends_on > delegation.departs_on:
            self.add_error(
                None,
                gettext("The stay must fall within the delegation's visit, %(start)s to %(end)s.")
                % {"start": delegation.arrives_on, "end": delegation.departs_on},
            )
            return cleaned
        # The admin validates and saves in one transaction: the household's row stays locked until saved.
        self.conflicts = placement_conflicts(
            guest=guest, host=host, starts_on=starts_on, ends_on=ends_on, lock=True
        )
        if self.conflicts and not cleaned.get("override_reason", "").strip():
            for conflict in self.conflicts:
                self.add_error(None, str(conflict))
            self.add_error(
                "override_reason",
                ngettext(
                    "This placement breaks %(count)d rule (listed above). To save it anyway, give the "
                    "reason.",
                    "This placement breaks %(count)d rules (listed above). To save it anyway, give the "
                    "reason.",
                    len(self.conflicts),
                )
                % {"count": len(self.conflicts)},
            )
        return cleaned

    def _post_clean(self):
        # The service validates and saves the placement; the model's own checks would only repeat ours.
        pass


class GuestImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (Excel: “CSV UTF-8”), at most 1 MB. Nothing is saved unless every row is right."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into smaller files."))
        return upload
