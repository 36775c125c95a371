"""Form pieces every member-facing form shares."""

from django.forms import BoundField


class ChoiceGroupBoundField(BoundField):
    """Checkbox and radio groups, read like single fields: each box points at the group's help text and
    errors, and the group's id (on its fieldset) is where the error summary links to.

    Use it as a form's ``bound_field_class``."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.use_fieldset and not attrs.get("aria-describedby") and self.aria_describedby:
            attrs["aria-describedby"] = self.aria_describedby
        return attrs

    @property
    def id_for_label(self):
        return self.auto_id if self.use_fieldset else super().id_for_label
