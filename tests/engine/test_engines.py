"""--jobs N and --engine dask give output identical to a single process."""

import distributed
from helpers import ROOT, files_of

from geo.cli import main
from geo.corpus import open_corpus
from geo.engine import EngineConfig
from geo.geoparse import corpus_mentions


def run(tmp_path, name, *extra):
    out = tmp_path / name
    assert main(["events", "--corpus", str(ROOT / "seeds"), "--out", str(out), *extra]) == 0
    return out.read_bytes()


def test_local_processes_match_a_single_process(tmp_path):
    assert run(tmp_path, "one.json") == run(tmp_path, "two.json", "--jobs", "2")


def with_jobs(tmp_path, command, corpus, jobs, read=lambda out: out.read_bytes()):
    """What ``geo <command> --jobs N`` writes, for each N."""
    outputs = []
    for n in jobs:
        out = tmp_path / f"{command}-{n}"
        assert main([command, "--corpus", str(corpus), "--out", str(out), "--jobs", n]) == 0
        outputs.append(read(out))
    return outputs


def test_local_processes_match_on_a_larger_corpus(tmp_path):
    # enough events of every family that three processes merge a group each
    from geo.evaluate.synth import generate

    one, three = with_jobs(tmp_path, "events", generate(tmp_path / "corpus", 150, size=3000), ("1", "3"))
    assert one == three and one.count(b'"id"') > 500


def test_a_site_built_with_processes_matches_a_single_process(tmp_path):
    from geo.evaluate.synth import generate

    one, two = with_jobs(tmp_path, "build", generate(tmp_path / "corpus", 60, size=2000), ("1", "2"), files_of)
    assert one == two and len([f for f in one if f.startswith("sites/")]) > 20


def test_mentions_with_jobs_match(tmp_path):
    one, two = with_jobs(tmp_path, "mentions", ROOT / "seeds", ("1", "2"))
    assert one == two


def test_dask_local_cluster_matches_a_single_process(tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        single = run(tmp_path, "local.json")
        assert run(tmp_path, "dask.json", "--engine", "dask", "--scheduler", cluster.scheduler_address) == single
        sites = []
        for name, extra in (("local", []), ("dask", ["--engine", "dask", "--scheduler", cluster.scheduler_address])):
            assert main(["build", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / name), *extra]) == 0
            sites.append(files_of(tmp_path / name))
        assert sites[0] == sites[1]


def test_dask_needs_a_scheduler(tmp_path, capsys):
    assert main(["events", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "x.json"), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err and not (tmp_path / "x.json").exists()


def test_batches_take_items_as_they_come():
    from geo.engine.runner import batches

    taken = []
    source = (taken.append(i) or i for i in range(5))
    stream = batches(source, 2)
    assert next(stream) == [0, 1] and taken == [0, 1]  # nothing read ahead of the batch
    assert list(stream) == [[2, 3], [4]]


def test_workers_use_the_callers_geoparser(mini_spec):
    # a library caller's small gazetteer, not the default one, in every worker
    corpus = open_corpus(ROOT / "seeds")
    one = list(corpus_mentions(corpus, mini_spec, EngineConfig(jobs=1)))
    two = list(corpus_mentions(corpus, mini_spec, EngineConfig(jobs=2)))
    assert one and one == two and len(one) != len(list(corpus_mentions(corpus)))


def test_dask_workers_use_the_callers_geoparser(mini_spec):
    corpus = open_corpus(ROOT / "seeds")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = list(corpus_mentions(corpus, mini_spec, EngineConfig(engine="dask", scheduler=cluster.scheduler_address)))
    assert dask == list(corpus_mentions(corpus, mini_spec))


def test_a_document_read_through_a_url_loses_its_byte_order_mark(tmp_path):
    # the same offsets whether a worker reads the document as a path or through --documents-base
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_bytes("\ufeff".encode() + first.read_bytes())
    plain, through_url = tmp_path / "plain.jsonl", tmp_path / "url.jsonl"
    assert main(["mentions", "--corpus", str(corpus), "--out", str(plain), "--jobs", "2"]) == 0
    assert main(["mentions", "--corpus", str(corpus), "--out", str(through_url), "--jobs", "2",
                 "--documents-base", corpus.as_uri()]) == 0
    assert plain.read_bytes() == through_url.read_bytes()
