"""Interfaces of the directory that are neither web pages nor API: spreadsheet import and export."""
