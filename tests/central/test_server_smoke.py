import requests

from central.server import EmbeddedCentral


def test_embedded_central_serves_openapi_over_http(central: EmbeddedCentral) -> None:
    response = requests.get(f"{central.url}/openapi.json", timeout=5)
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Victoria central API"
