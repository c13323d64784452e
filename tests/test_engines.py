"""--jobs N and --engine dask give output identical to a single process."""

import distributed

from geo.cli import main

from conftest import ROOT, files_of


def run(tmp_path, name, *extra):
    out = tmp_path / name
    assert main(["events", "--corpus", str(ROOT / "seeds"), "--out", str(out), *extra]) == 0
    return out.read_bytes()


def test_local_processes_match_a_single_process(tmp_path):
    assert run(tmp_path, "one.json") == run(tmp_path, "two.json", "--jobs", "2")


def test_local_processes_match_on_a_larger_corpus(tmp_path):
    # enough events of every family that three processes merge a group each
    from geo.synth import generate

    corpus = generate(tmp_path / "corpus", 150, size=3000)
    outputs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"events-{jobs}.json"
        assert main(["events", "--corpus", str(corpus), "--out", str(out), "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b'"id"') > 500


def test_a_site_built_with_processes_matches_a_single_process(tmp_path):
    from geo.synth import generate

    corpus = generate(tmp_path / "corpus", 60, size=2000)
    sites = []
    for jobs in ("1", "2"):
        out = tmp_path / f"site-{jobs}"
        assert main(["build", "--corpus", str(corpus), "--out", str(out), "--jobs", jobs]) == 0
        sites.append(files_of(out))
    assert sites[0] == sites[1] and len([f for f in sites[0] if f.startswith("sites/")]) > 20


def test_mentions_with_jobs_match(tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"m{jobs}.jsonl"
        assert main(["mentions", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--jobs", jobs]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_dask_local_cluster_matches_a_single_process(tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        single = run(tmp_path, "local.json")
        assert run(tmp_path, "dask.json", "--engine", "dask", "--scheduler", cluster.scheduler_address) == single


def test_dask_needs_a_scheduler(tmp_path, capsys):
    assert main(["events", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "x.json"), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err and not (tmp_path / "x.json").exists()
