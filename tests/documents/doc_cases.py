"""Small real cases that open each document's action, with correspondence details to fill it."""

from __future__ import annotations

import copy
from typing import Any

CHILD = {"birth_date": "2013-08-21", "nationalities": ["NO", "PL"], "present_in": "NO", "substantial_connection": ["PL"]}
HOME = [{"state": "NO", "from": "2013-08-21"}]
MOVED = [{"state": "NO", "from": "2013-08-21"}, {"state": "FR", "from": "2024-08-01"}]


def _case(**fields: Any) -> dict[str, Any]:
    case = {"as_of": "2026-03-01", "forum": "NO", "child": dict(CHILD), "habitual_residence": HOME, "art37_no_risk": True}
    case.update(fields)
    return copy.deepcopy(case)


CARE_ORDER = {"state": "NO", "type": "care_order", "date": "2025-05-01", "article": "5(1)", "enforceable_in_origin": True,
              "recognition_sought_in": ["FR"]}

# document -> (case, the State it goes to, its default language)
CASES: dict[str, tuple[dict[str, Any], str, str]] = {
    "art8_transfer_request": (_case(measure={"type": "custody"}), "PL", "en"),
    "art8_invitation_to_parties": (_case(measure={"type": "custody"}), "PL", "en"),
    "art9_transfer_request": (_case(forum="PL", measure={"type": "custody"}), "NO", "nb"),
    "art9_invitation_to_parties": (_case(forum="PL", measure={"type": "custody"}), "NO", "nb"),
    "art31c_locate_child": (_case(child={**CHILD, "present_in": "unknown"}, danger={"serious": False, "moved_to": "FR"}), "FR", "fr"),
    "art32_report_request": (_case(child={**CHILD, "present_in": "FR", "nationalities": ["NO"]}, habitual_residence=MOVED), "FR", "fr"),
    "art33_placement_consultation": (_case(measure={"type": "foster_placement", "date": "2026-04-15", "placement_state": "FR"}),
                                     "FR", "fr"),
    "art33_consent_reply": (_case(measure={"type": "foster_placement", "date": "2026-04-15", "placement_state": "FR"}), "FR", "fr"),
    "art34_information_request": (_case(measure={"type": "care_order"}, information_held_in=["FR"]), "FR", "fr"),
    "art35_implementation_assistance": (_case(child={**CHILD, "present_in": "FR"}, existing_measures=[CARE_ORDER]), "FR", "fr"),
    "art35_2_access_finding": (_case(child={**CHILD, "present_in": "FR"}, habitual_residence=MOVED, access_parent_residence="NO"),
                               "FR", "fr"),
    "art36_danger_notice": (_case(measure={"type": "care_order"}, danger={"serious": True, "moved_to": "FR"}), "FR", "fr"),
    "art40_certificate": (_case(existing_measures=[CARE_ORDER]), "NO", "nb"),
    "art24_advance_recognition": (_case(existing_measures=[CARE_ORDER]), "FR", "fr"),
    "art26_enforceability": (_case(existing_measures=[CARE_ORDER]), "FR", "fr"),
}

DETAILS: dict[str, Any] = {
    "sender": {"authority": "Barneverntjenesten i Bergen", "address": "Postboks 7700\n5020 Bergen", "contact": "Kari Nordmann",
               "email": "kari.nordmann@example.org", "phone": "+47 55 00 00 00"},
    "our_reference": "BV-2026-0042",
    "their_reference": "CA-77/2026",
    "child": {"name": "Ola Hansen", "address": "Storgata 1, 5003 Bergen", "languages": ["nb", "pl"]},
    "persons": [{"name": "Anna Kowalska", "role": "mother", "address": "ul. Długa 5, 31-147 Kraków", "parental_responsibility": True},
                {"name": "Jan Hansen", "role": "father", "address": "Strandkaien 3, 5013 Bergen", "parental_responsibility": True}],
    "reasons": "Ola har bodd i fosterhjem siden mai 2025. Moren bor i Polen; tanten har tilbudt seg å ta ham.",
    "request": "Vi ber om svar innen fristen.",
    "reply_by": "2026-04-15",
    "attachments": ["Vedtak om omsorgsovertakelse 1. mai 2025", "Rapport om barnet, februar 2026"],
}
