"""The result page of an assessment, and drafting its co-operation documents.

Routes (prefix /assess, beside the wizard):
- ``results.show``       GET /assess/result: the assessment of the stored case, the answer first;
- ``results.draft_form`` GET/POST /assess/result/draft/<action>?to=XX: the correspondence details
  form; a valid POST answers with the PDF.
The page renders the Assessment as the engine gives it; it decides nothing itself.
"""

from __future__ import annotations

from flask import Blueprint, Flask, render_template
from werkzeug.wrappers import Response

from hague.web import results_view
from hague.web.results_case import load_assessed, question_link, wizard_links
from hague.web.results_draft import draft_page

bp = Blueprint("results", __name__, url_prefix="/assess")


@bp.get("/result")
def show() -> Response | str:
    loaded = load_assessed()
    if isinstance(loaded, Response):
        return loaded
    return render_template("web/results/show.html", a=loaded.assessment, case=loaded.case,
                           as_of_defaulted=loaded.as_of_defaulted, view=results_view, links=wizard_links(),
                           question_link=question_link)


@bp.route("/result/draft/<action>", methods=["GET", "POST"])
def draft_form(action: str) -> Response | str:
    """`action`: the document key an action of the assessment names (its `document`), e.g. art33_placement_consultation."""
    return draft_page(action)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
