"""`--scheduler`: the per-document work on a Dask LocalCluster (loopback only) gives the local tables."""
import pytest
from tests.pdfmaker import make_pdf

from reportkit.pipeline import extract_corpus

pytestmark = pytest.mark.slow  # a large corpus through Dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, processes=True) as c:
        yield c


def test_dask_cluster_gives_identical_tables(cluster, tmp_path):
    raw = tmp_path / "raw" / "west-yorkshire"
    raw.mkdir(parents=True)
    for n, total in enumerate((34, 28, 30)):
        make_pdf(raw / f"report-{n}.pdf", [
            ["National Child Protection Inspection", "West Yorkshire Police 25-28 August 2015", "March 2016"],
            [f"HMIC examined {total} cases. Of these, 11 were good, {total - 14} required improvement "
             "and three were inadequate."],
        ])
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4\n%broken")
    local = extract_corpus(raw.parent, None, jobs=1, cache=None)
    remote = extract_corpus(raw.parent, None, cache=None, scheduler=cluster.scheduler_address)
    assert len(local["documents"]) == 4
    for name in local:
        assert local[name].equals(remote[name]), name


def test_briefings_on_a_dask_cluster(cluster, demo_raw, demo_processed, tmp_path):
    """`briefings --scheduler`: the notebooks run on the cluster's workers, the index is written here."""
    from reportkit.report.batch import run_briefings

    out = tmp_path / "reports"
    code = run_briefings(forces=["west-yorkshire"], out=out, raw=demo_raw, processed=demo_processed,
                         scheduler=cluster.scheduler_address, progress=False)
    assert code == 0
    html = (out / "briefings" / "west-yorkshire.html").read_text(encoding="utf-8")
    assert "34 cases" in html and "Traceback" not in html
    assert (out / "briefings" / "national.html").exists()
    assert 'href="west-yorkshire.html"' in (out / "briefings" / "index.html").read_text(encoding="utf-8")
