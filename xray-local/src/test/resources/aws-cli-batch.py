"""Runs many AWS CLI commands in one Python process, with the CLI's own driver (what the
`aws` script calls), so a test pays the interpreter's start-up once. Reads a JSON list of
argument lists on stdin; writes one JSON line per command: rc, stdout, stderr."""
import contextlib
import io
import json
import sys

import awscli.clidriver

for args in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = awscli.clidriver.create_clidriver().main(args)
        except SystemExit as exit:
            rc = exit.code if isinstance(exit.code, int) else 1
    print(json.dumps({"args": args, "rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()}), flush=True)
