"""Words for the codes the models carry (bases of jurisdiction, Art. 8(2) heads, measure types, roles).

English msgids marked with N_ so the catalogue test finds them; the templates translate them.
"""

from __future__ import annotations

from hague.documents.i18n import N_

BASIS = {
    "habitual_residence": N_("the child's habitual residence"),
    "presence_displaced": N_("the presence of a refugee or internationally displaced child"),
    "presence_unknown_residence": N_("the child's presence, the habitual residence not being established"),
    "retained_after_wrongful_removal": N_("the habitual residence before a wrongful removal or retention"),
    "transfer": N_("a transfer of jurisdiction"),
    "divorce_court": N_("proceedings on the parents' divorce, legal separation or annulment"),
    "urgency": N_("urgency"),
    "provisional_territorial": N_("provisional measures limited to the territory"),
    "property_reservation": N_("the reservation on the child's property"),
    "national_law": N_("national law"),
    "brussels_iib": N_("the Brussels IIb Regulation"),
}

HEADS = {
    "8(2)(a)": N_("the child is a national of that State"),
    "8(2)(b)": N_("the child has property in that State"),
    "8(2)(c)": N_("its authorities are seised of the parents' divorce, legal separation or annulment"),
    "8(2)(d)": N_("the child has a substantial connection with that State"),
}

MEASURES = {
    "parental_responsibility": N_("attribution, exercise or limitation of parental responsibility"),
    "custody": N_("custody, including the child's place of residence"),
    "access": N_("access (contact)"),
    "return_order": N_("return of the child"),
    "guardianship": N_("guardianship"),
    "representative": N_("appointment of a representative for the child"),
    "foster_placement": N_("placement in a foster family"),
    "institutional_placement": N_("placement in institutional care"),
    "kafala": N_("care by kafala or an analogous institution"),
    "supervision": N_("supervision by a public authority of the child's care"),
    "property_administration": N_("administration of the child's property"),
    "care_order": N_("care order"),
    "in_home_support": N_("support measures in the home"),
    "medical_consent": N_("consent to medical treatment"),
    "other_protective": N_("other protective measure"),
}

PROCEEDINGS = {
    "protection": N_("child protection"),
    "divorce": N_("divorce"),
    "legal_separation": N_("legal separation"),
    "annulment": N_("annulment of marriage"),
    "return": N_("return of the child (1980 Convention)"),
    "pending": N_("pending"),
    "decided": N_("decided"),
    "declined": N_("jurisdiction declined"),
    "ended": N_("ended"),
}

ROLES = {
    "mother": N_("mother"),
    "father": N_("father"),
    "parent": N_("parent"),
    "guardian": N_("guardian"),
    "foster_parent": N_("foster parent"),
    "proposed_carer": N_("proposed carer"),
    "relative": N_("relative"),
    "applicant": N_("applicant"),
    "representative": N_("representative"),
    "other": N_("other"),
}

CONNECTIONS = {
    "nationality": N_("the child is a national of the requesting State"),
    "substantial_connection": N_("the child has a substantial connection with the requesting State"),
    "property": N_("the child has property in the requesting State"),
    "former_residence": N_("the child was formerly habitually resident in the requesting State"),
}

ADDRESSEES = {
    "central_authority": N_("Central Authority"),
    "competent_authority": N_("Competent authority"),
    "designated_authority": N_("Authority designated under Art. 44"),
    "parties": N_("The parties"),
}

REFUSAL_GROUNDS = {
    "23(2)(a)": N_("taken by an authority without jurisdiction under Chapter II"),
    "23(2)(b)": N_("the child was not heard, in breach of fundamental procedural principles"),
    "23(2)(c)": N_("a person claiming that it infringes their parental responsibility was not heard"),
    "23(2)(d)": N_("manifestly contrary to public policy, the child's best interests considered"),
    "23(2)(e)": N_("incompatible with a later measure of the non-Contracting State of habitual residence"),
    "23(2)(f)": N_("the Art. 33 procedure was not followed"),
}


def measure(key: str | None) -> str:
    """The msgid for a measure type of the contract (formats.md); other keys are named from the rulebook."""
    if key is None:
        return N_("none stated")
    return MEASURES.get(key) or key.replace("_", " ")


def role(value: str | None) -> str:
    return ROLES.get(value or "", value or "")
