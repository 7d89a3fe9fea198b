"""Reading back what a PDF we rendered says (pypdf's text extraction)."""

from __future__ import annotations

import io

import httpx
from pypdf import PdfReader

from tests.conftest import GraphQLClient


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-"), data[:40]
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


async def fetch(client: GraphQLClient, path: str) -> httpx.Response:
    """GET a document route with the client's token and estate, as GraphQL is sent."""
    headers = {}
    if client.token:
        headers["Authorization"] = f"Bearer {client.token}"
    if client.tenant:
        headers["X-Tenant"] = client.tenant
    return await client.http.get(path, headers=headers)


async def fetch_pdf(client: GraphQLClient, path: str) -> str:
    response = await fetch(client, path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    return pdf_text(response.content)
