from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("calls/<slug:slug>/", views.call_detail, name="call"),
    path("calls/<slug:slug>/apply/<int:applicant>/", views.apply, name="apply"),
    path("my/applications/<int:pk>/", views.application_detail, name="detail"),
    path(
        "my/applications/<int:pk>/<slug:action>/",
        views.application_respond,
        name="respond",
    ),
    path("my/applicants/", views.applicant_list, name="applicants"),
    path("my/applicants/me/", views.applicant_edit, {"relationship": "self"}, name="applicant-self"),
    path(
        "my/applicants/add-child/",
        views.applicant_edit,
        {"relationship": "child"},
        name="applicant-add-child",
    ),
    path("my/applicants/<int:pk>/", views.applicant_edit, name="applicant-edit"),
    path("my/applicants/<int:pk>/delete/", views.applicant_delete, name="applicant-delete"),
    path("application-files/<int:pk>/", views.answer_file, name="answer-file"),
]
