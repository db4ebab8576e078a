#!/usr/bin/env python3
"""Counts individual test cases in a meson test log.

A TAP test (every GTest here) counts each "ok"/"not ok" line; any other test counts
as one case. Prints the summary line the CI reads last and exits 1 on any failure.
"""
import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^1\.\.\d+', re.M)

def count(path):
    passed = failed = skipped = 0
    with open(path, encoding='utf-8') as log:
        for line in log:
            entry = json.loads(line)
            result = entry.get('result')
            stdout = entry.get('stdout') or ''
            # meson's log does not name the protocol: a TAP test prints a plan.
            if not TAP_PLAN.search(stdout):
                if result == 'SKIP':
                    skipped += 1
                elif result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                else:
                    failed += 1
                continue
            cases = 0
            for tap in stdout.splitlines():
                match = TAP_LINE.match(tap.strip())
                if not match:
                    continue
                cases += 1
                directive = match.group(2)
                if re.search(r'#\s*SKIP', directive, re.I):
                    skipped += 1
                elif match.group(1) == 'ok' or re.search(r'#\s*TODO', directive, re.I):
                    passed += 1
                else:
                    failed += 1
            # A test binary that crashed or timed out fails even if every line it
            # printed was "ok".
            if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') or cases == 0 and result != 'SKIP':
                failed += 1
    return passed, failed, skipped

def main():
    try:
        passed, failed, skipped = count(sys.argv[1])
    except OSError as error:
        print(f'no test log: {error}', file=sys.stderr)
        print('tests: 0 passed, 1 failed')
        return 1
    if skipped:
        print(f'{skipped} test cases skipped')
    print(f'tests: {passed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main())
