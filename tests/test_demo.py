"""The demo family: a complete, finalised example a new user can open and print."""

from __future__ import annotations

from pathlib import Path

from kooperation_desktop.demo import DEMO_TITLE, create_demo
from kooperation_desktop.domain.model import AgreementStatus, PartnerKind, ScaleKind
from kooperation_desktop.services import Services


def test_demo_is_complete_and_finalised(services: Services) -> None:
    result = create_demo(services)
    assert result.created
    agreement = services.agreements.get(result.agreement_id)
    assert agreement.status == AgreementStatus.FINAL
    assert len(agreement.content_hash) == 64
    assert services.agreements.check(agreement.id) == []
    assert len(agreement.goals) == 3
    for goal in agreement.goals:
        assert goal.client_words and goal.professional_wording
        assert {i.scale for i in goal.indicators} == {ScaleKind.GAS, ScaleKind.SCALE_0_10}
        gas = next(i for i in goal.indicators if i.scale == ScaleKind.GAS)
        assert all(gas.level_texts)
    case = services.cases.get(result.case_id)
    assert {p.kind for p in case.partners} == set(PartnerKind)
    names = {p.display_name for p in case.persons}
    assert {"Ağrı Şükrü Çelik", "Łukasz Wróbel", "Mia Çelik"} <= names
    # every party of the agreement has a task or role; the family has its own tasks
    assert any(t.person_id for t in agreement.tasks) and any(t.partner_id for t in agreement.tasks)


def test_demo_twice_does_not_duplicate(services: Services) -> None:
    first = create_demo(services)
    second = create_demo(services)
    assert not second.created and second.case_id == first.case_id
    assert [c.title for c in services.cases.list()] == [DEMO_TITLE]


def test_demo_pdf_names_the_family(services: Services, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = create_demo(services)
    out = services.agreements.export_pdf(result.agreement_id, tmp_path / "demo.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    for name in ("Ağrı Şükrü Çelik", "Łukasz Wróbel", "Жанна Иванова", "Nguyễn Thị Minh Khai", "Grundschule am Park"):
        assert name in " ".join(text.split()), name
