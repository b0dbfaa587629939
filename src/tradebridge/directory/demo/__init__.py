"""The demo scenario's data: the places, organisations, people and logins of the two reference
articles (China Daily USA on the 2015 Seattle seminar, Eastday on California at the 2020 CIIE).

Each module holds its data as plain lists and one idempotent ``load_…`` function; the order in
which they run is ``tradebridge.directory.demo_scenario.DEMO_STEPS``.
"""
