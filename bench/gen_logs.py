#!/usr/bin/env python3
"""Writes N files of mixed Java application logs (logback style, with stack traces) for the
log-scan benchmark: about 3% of records are errors, exceptions, timeouts or refused connections,
and some messages are Chinese, as in the node's own systems. --gbk writes the same text in GBK.

usage: gen_logs.py DIR FILES MB_PER_FILE [--gbk]
"""
import os
import random
import sys

out, files, mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
gbk = "--gbk" in sys.argv
os.makedirs(out, exist_ok=True)

INFO = [
    "c.z.portal.web.RequestLog - GET /api/v1/items?page={n} 200 {ms}ms",
    "c.z.exchange.Sync - batch {n} synced {m} records to 省政务数据共享平台",
    "c.z.service.Cache - cache hit ratio {p}% size {m}",
    "o.a.catalina.core.StandardContext - Session {u} created for user{n}",
    "c.z.resource.Catalog - 目录资源 {n} 已更新，共 {m} 条",
    "c.z.gis.Search - query bbox=({n},{m}) returned {m} features in {ms}ms",
]
WARN = [
    "c.z.exchange.Sync - slow batch {n}: {ms}ms",
    "c.z.service.Pool - connection pool usage {p}%",
]
BAD = [
    "ERROR [exec-{n}] c.z.order.Service - order {n} failed: upstream 10.0.{a}.{b} read timed out after {ms}ms",
    "ERROR [exec-{n}] c.z.db.Dao - 数据库连接失败，重试 {a} 次",
    "WARN  [exec-{n}] c.z.api.Client - 接口请求超时 {ms}ms",
    "ERROR [exec-{n}] c.z.mq.Producer - send failed: Connection refused (10.0.{a}.{b}:5672)",
]
TRACE = [
    "java.lang.IllegalStateException: unexpected state {n}",
    "\tat c.z.order.Service.submit(Service.java:{a})",
    "\tat c.z.order.Controller.post(Controller.java:{b})",
    "Caused by: java.net.SocketTimeoutException: Read timed out",
    "\t... {a} more",
]
rnd = random.Random(7)


def fill(t):
    return t.format(n=rnd.randint(1, 99999), m=rnd.randint(1, 5000), ms=rnd.randint(1, 9000),
                    p=rnd.randint(1, 99), a=rnd.randint(1, 254), b=rnd.randint(1, 254),
                    u="%032x" % rnd.getrandbits(128))


for f in range(files):
    path = os.path.join(out, "app-%02d.log" % f)
    target = mb * 1024 * 1024
    written = 0
    sec = 0
    with open(path, "wb") as fh:
        while written < target:
            chunk = []
            for _ in range(2000):
                sec += 1
                ts = "2025-10-10 %02d:%02d:%02d,%03d" % (sec // 3600 % 24, sec // 60 % 60, sec % 60, sec % 1000)
                r = rnd.random()
                if r < 0.03:
                    chunk.append("%s %s" % (ts, fill(rnd.choice(BAD))))
                    if r < 0.01:
                        chunk.extend(fill(t) for t in TRACE)
                elif r < 0.08:
                    chunk.append("%s WARN  [main] %s" % (ts, fill(rnd.choice(WARN))))
                else:
                    chunk.append("%s INFO  [main] %s" % (ts, fill(rnd.choice(INFO))))
            data = ("\n".join(chunk) + "\n").encode("gbk" if gbk else "utf-8")
            fh.write(data)
            written += len(data)
