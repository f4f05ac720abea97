#!/usr/bin/env python3
"""Runs a command and records its CPU seconds (user + system) and wall seconds in a JSON
file, so a benchmark on a shared machine can compare tools by the work they do, not by how
busy the machine was.

  cpu_time.py OUT.json [--stdout FILE] -- COMMAND ARG...

Each call adds one round to OUT.json (delete the file to start afresh); `cpu` and `wall`
are the best of the rounds so far. On a virtual machine the same run varies by 20 % or
more with the host's load, so run.sh alternates the tools round by round and compares
their best rounds. The command's stdout goes to FILE when given (each round overwrites
it), else passes through; stderr passes through.
"""
import json, os, subprocess, sys, time

out = sys.argv[1]
options = sys.argv[2:sys.argv.index('--')]
command = sys.argv[sys.argv.index('--') + 1:]
stdout = open(options[options.index('--stdout') + 1], 'wb') if '--stdout' in options else None
start = time.monotonic()
child = subprocess.Popen(command, stdout=stdout)
_, status, usage = os.wait4(child.pid, 0)
wall = time.monotonic() - start
record = json.load(open(out)) if os.path.exists(out) else {'rounds': []}
record['rounds'].append({'cpu': round(usage.ru_utime + usage.ru_stime, 2), 'wall': round(wall, 2),
                         'status': os.waitstatus_to_exitcode(status)})
record['cpu'] = min(r['cpu'] for r in record['rounds'])
record['wall'] = min(r['wall'] for r in record['rounds'])
json.dump(record, open(out, 'w'))
