# Dates as trade officers on both sides read them: "Fri 6 Nov 2020, 08:00".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "D j M Y, H:i"
SHORT_DATETIME_FORMAT = "D j M, H:i"
