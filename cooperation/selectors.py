"""Reads about cooperation requests for the requester's own pages and data download. A member only ever
sees their own requests; anybody else's is a 404."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import User

from .models import Consultation, CooperationRequest, ProposedPartner


def member_requests(*, user: User) -> QuerySet[CooperationRequest]:
    """The member's requests, newest first."""
    return (
        CooperationRequest.objects.filter(user=user)
        .select_related("city_sought")
        .order_by("-created_at", "-pk")
    )


def request_get_for_member(*, user: User, pk: int) -> CooperationRequest:
    """One of the member's own requests with its steps, consultations and proposed partners."""
    return get_object_or_404(
        CooperationRequest.objects.select_related("city_sought").prefetch_related(
            "state_changes",
            Prefetch("consultations", queryset=Consultation.objects.order_by("held_at", "pk")),
            Prefetch("proposals", queryset=ProposedPartner.objects.select_related("partner__city")),
        ),
        pk=pk,
        user=user,
    )


def member_data(*, user: User) -> list[dict]:
    """The member's requests for their data download, with what the member can see of each."""

    def when(value):
        return timezone.localtime(value).isoformat() if value else None

    requests = member_requests(user=user).prefetch_related(
        "state_changes",
        "consultations",
        Prefetch("proposals", queryset=ProposedPartner.objects.select_related("partner")),
    )
    return [
        {
            "organization": request.organization_name,
            "organization_type": request.organization_type,
            "field": request.field,
            "size": request.size,
            "website": request.website,
            "contact_name": request.contact_name,
            "contact_position": request.contact_position,
            "contact_email": request.contact_email,
            "contact_phone": request.contact_phone,
            "city_sought": request.city_sought.slug if request.city_sought else None,
            "country_sought": request.country_sought,
            "kind": request.kind,
            "kind_other": request.kind_other,
            "description": request.description,
            "preferred_times": request.preferred_times,
            "preferred_mode": request.preferred_mode,
            "consent_version": request.consent_version,
            "consented_at": when(request.consented_at),
            "provision_consent_version": request.provision_consent_version or None,
            "provision_consented_at": when(request.provision_consented_at),
            "state": request.state,
            "closed_reason": request.closed_reason,
            "received_at": when(request.created_at),
            "steps": [
                {"state": s.state, "at": when(s.changed_at), "reason": s.reason}
                for s in request.state_changes.all()
            ],
            "consultations": [{"at": when(c.held_at), "mode": c.mode} for c in request.consultations.all()],
            "proposed_partners": [
                {"partner": p.partner.name, "note": p.note, "matched": p.is_match}
                for p in request.proposals.all()
            ],
        }
        for request in requests
    ]
