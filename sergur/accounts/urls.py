"""Signing in and out, changing the password, the password reset by e-mail (Django's views; the
request throttled per client and per e-mail address), the second factor."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from sergur.accounts import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password_reset/", views.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("2fa/", views.two_factor_settings, name="two_factor_settings"),
    path("2fa/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("2fa/setup/", views.two_factor_enrol, name="two_factor_enrol"),
    path("2fa/recovery-codes/", views.two_factor_recovery_codes, name="two_factor_recovery_codes"),
    path("2fa/turn-off/", views.two_factor_turn_off, name="two_factor_turn_off"),
]
