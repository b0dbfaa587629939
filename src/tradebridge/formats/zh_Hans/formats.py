# 中文日期写法："2020年11月6日 周五 08:00"。
DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 D H:i"
SHORT_DATETIME_FORMAT = "n月j日 D H:i"
