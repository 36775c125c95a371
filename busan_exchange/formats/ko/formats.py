"""Korean date formats where Django's own read wrongly: the morning/afternoon marker comes before the time
("2026년 12월 1일 오전 11:53", not "… 11:53 오전"). Every other format is Django's (django.conf.locale.ko)."""

DATETIME_FORMAT = "Y년 n월 j일 A g:i"
