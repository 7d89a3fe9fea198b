from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "billing_plans" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "bill_type" VARCHAR(20) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "interval" VARCHAR(10) NOT NULL,
    "billing_day" INT NOT NULL,
    "due_days" INT NOT NULL,
    "prorate" INT NOT NULL,
    "late_fee_percent_bp" INT,
    "late_fee_fixed" BIGINT,
    "late_fee_grace_days" INT,
    "late_fee_max_applications" INT NOT NULL,
    "first_period" DATE NOT NULL,
    "archived_at" TIMESTAMP,
    "created_by" CHAR(36) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* A recurring charge of units: what (the current price is the latest */;
CREATE INDEX IF NOT EXISTS "idx_billing_pla_created_52b5ac" ON "billing_plans" ("created_at", "id");
        CREATE TABLE IF NOT EXISTS "dunning_schedule" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "days_before" JSON NOT NULL,
    "days_after" JSON NOT NULL,
    "updated_by" CHAR(36),
    "updated_at" TIMESTAMP NOT NULL
) /* The estate's own reminder days (one row), in place of the deployment's */;
        CREATE TABLE IF NOT EXISTS "bill_runs" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "period" DATE NOT NULL,
    "count" INT NOT NULL,
    "total" BIGINT NOT NULL,
    "failures" INT NOT NULL,
    "vacant" INT NOT NULL,
    "vacancy_total" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "triggered_by" CHAR(36),
    "started_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "plan_id" CHAR(36) NOT NULL REFERENCES "billing_plans" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_bill_runs_plan_id_071d51" UNIQUE ("plan_id", "period")
) /* A plan's period, billed once: the unique (plan, period) is what makes a second run */;
CREATE INDEX IF NOT EXISTS "idx_bill_runs_created_ff7be1" ON "bill_runs" ("created_at", "id");
        CREATE TABLE IF NOT EXISTS "billing_plan_prices" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "effective_from" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "lines" JSON,
    "created_by" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "plan_id" CHAR(36) NOT NULL REFERENCES "billing_plans" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_billing_pla_plan_id_c3bb20" UNIQUE ("plan_id", "effective_from")
) /* The plan's price from a period on: a change takes effect from the next period, and */;
        CREATE TABLE IF NOT EXISTS "late_fees" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "application" INT NOT NULL,
    "amount" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "bill_id" CHAR(36) NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "fee_bill_id" CHAR(36) NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_late_fees_bill_id_1e0fb4" UNIQUE ("bill_id", "application")
) /* The n-th late fee of a plan's bill, issued as a bill of its own: the unique */;
        CREATE TABLE IF NOT EXISTS "plan_subscriptions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "status" VARCHAR(10) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "created_by" CHAR(36) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "plan_id" CHAR(36) NOT NULL REFERENCES "billing_plans" ("id") ON DELETE RESTRICT,
    "unit_id" CHAR(36) NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT
) /* A unit charged by a plan from `start_date`, until `end_date` (inclusive) once it is */;
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_plan_id_a10265" ON "plan_subscriptions" ("plan_id", "status");
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_unit_id_2d0b58" ON "plan_subscriptions" ("unit_id", "status");
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_created_a4e3a6" ON "plan_subscriptions" ("created_at", "id");
        CREATE TABLE IF NOT EXISTS "autopay_mandates" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "source" VARCHAR(16) NOT NULL,
    "payment_method_id" CHAR(36),
    "consent" TEXT NOT NULL,
    "consented_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "ended_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "resident_id" CHAR(36) NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "subscription_id" CHAR(36) NOT NULL REFERENCES "plan_subscriptions" ("id") ON DELETE RESTRICT
) /* A resident's standing consent to pay a subscription's bills as they are issued, */;
CREATE INDEX IF NOT EXISTS "idx_autopay_man_subscri_af8c77" ON "autopay_mandates" ("subscription_id", "status");
        CREATE TABLE IF NOT EXISTS "autopay_charges" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "status" VARCHAR(10) NOT NULL,
    "attempts" INT NOT NULL,
    "first_failed_at" TIMESTAMP,
    "next_attempt_at" TIMESTAMP,
    "last_failure_code" VARCHAR(32),
    "last_failure" VARCHAR(500),
    "payment_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "bill_id" CHAR(36) NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "mandate_id" CHAR(36) NOT NULL REFERENCES "autopay_mandates" ("id") ON DELETE RESTRICT
) /* One bill to collect under a mandate: tried when issued, retried 1, 3 and 7 days */;
CREATE INDEX IF NOT EXISTS "idx_autopay_cha_next_at_105dbf" ON "autopay_charges" ("next_attempt_at");
        CREATE TABLE IF NOT EXISTS "bill_run_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "period" DATE NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "days" INT NOT NULL,
    "amount" BIGINT NOT NULL,
    "note" VARCHAR(300),
    "bill_id" CHAR(36) REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "resident_id" CHAR(36) REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "run_id" CHAR(36) NOT NULL REFERENCES "bill_runs" ("id") ON DELETE CASCADE,
    "subscription_id" CHAR(36) NOT NULL REFERENCES "plan_subscriptions" ("id") ON DELETE RESTRICT,
    "unit_id" CHAR(36) NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT
) /* What a run charged (or credited) one resident, or left vacant, for one */;
CREATE INDEX IF NOT EXISTS "idx_bill_run_li_subscri_ab081a" ON "bill_run_lines" ("subscription_id", "period");
CREATE INDEX IF NOT EXISTS "idx_bill_run_li_period_cb18c0" ON "bill_run_lines" ("period", "kind");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "autopay_mandates";
        DROP TABLE IF EXISTS "autopay_charges";
        DROP TABLE IF EXISTS "billing_plans";
        DROP TABLE IF EXISTS "bill_run_lines";
        DROP TABLE IF EXISTS "billing_plan_prices";
        DROP TABLE IF EXISTS "late_fees";
        DROP TABLE IF EXISTS "bill_runs";
        DROP TABLE IF EXISTS "plan_subscriptions";
        DROP TABLE IF EXISTS "dunning_schedule";"""


MODELS_STATE = (
    "eJztfWtz2zjW5l9B+UucLXXetp24s+ndrXIcT8bdiZ2y3Zd94ykaIiGLYwrUEKQd70z/9w"
    "XAi0ASpAiKlEgEVVOdsYgDSg9A8Jzn3P69FyIMcfjqS+AvURA+770D/97DcIHo/yldm4A9"
    "uFyurrAPQjj1+OBlPMpFhI+bkjCAdkivzKBHEP3IQcQO3GXo+ph+iiPPYx/6Nh3o4vvVRx"
    "F2/xUhK/TvUThHAb3w9R/0Yxc76BudPPlz+WDNXOQ5uS/sOuze/HMrfF7yz3777fzD3/hI"
    "drupZftetMCr0cvncO7jbHgUuc4rJsOu3SOMAhgiR/gZ7Fsmvzn9KP7G9IMwiFD2VZ3VBw"
    "6awchjYOz9r1mEbYYB4Hdi/3n9f5KvJgyzrIvLG+v67May9hSws33McHdxyID691/xvCtA"
    "+Kd77Aanfz+52j86fskh8El4H/CLHK69v7ggDGEsykFfocz/LeF8OoeBHOd0fAFp+kXbYJ"
    "x+sAJ5tcFS+FKAeoB0bwG/WR7C9+Gc/nn44481GP9+csVhpqM4zj59IuKH5SK5dBhfY3iv"
    "8IWOQxeDqEAsiGwP5b2+tm0e4zeNMH5Tg/EbCcaBPXcfkWPBsIzzBwpU6C5QBdZ50QLeTi"
    "L7Kv0/DdBPTomhbPEatG/OP59d35x8/sKmXxDyL4/jdXJzxq4c8k+fC5/uHxcWJpsE/HF+"
    "83fA/gT/fXlxVjyKsnE3/73HvhOMQt/C/pNFd7uASfpx+lFune0AMdxbLHNesoNVHtxJRn"
    "+gc4m952QHjmTZk4eltOpMKZg9CC8s9sEU2g9PMHCs3JXV9qBrEUoO2veJ2N9+vUIe5MCW"
    "90CiHf1Gpxjh6v+V7vf003QXMNj8Q78KyPKlxeGi+AnE8J7/JHZvdicRK4mGmWJYrV1mC9"
    "WtYvk1VVu5ckvXCnl7/zDa5pC0zXhRFHShTEBDffOgkS50UKMLHRhdyOhCRhfSWxcSVz19"
    "wVlqr6uCWJfvreE+0mteUyUVs4xyGeK/+QFy7/Gv6JkDfU6/C8S2jBCR0G3jhLakVNKPA/"
    "iUqVDFzUUxcJCHQo7CFd3wV+enN3t/NVHgfduOlhTPhHZsr8ZfJhPpBHvuHJi6nrchRu/p"
    "FKN9hdejE0TY8ly86S5iCF1F+BOdSdd9tPQgtkg0ze6wIWRf6HzXwnQ64danLb06sCQGde"
    "40q7aqC6fnWtt674+5Dzym8AMXg6e5a88Bs8zp/0X4HbCjIECY/eV6CNwh7BDLx3fAJXQU"
    "QeErcOU/EQADBDB6RNwcE9HtePpbHL9VnAkgPoCAvsxdh02wgM9g7nsOIGwY9AB9Gbm+Q9"
    "hdfYz4PV/tTZq4or7upbMm48OYPzCEwc4IA6pfBSHbGXIrRw52TqjOwBnt+0+GMrNPCmRA"
    "8lSpYCeI9I5caccOBjhjXVcCqbF1nZ7+itZ1QcxY14WHib1IFSEVRAyc9WSFqLJsSFZcCV"
    "ONE9q1ZEXhWc2RFacn16cnH872Spu3A2g1cywWYRWeV2X+p0+7KtvRErNK3O3VVlW6YUwg"
    "nOaWRkRQoPqWWolsF+9BvqNyXki6GR4lcYXvfd9DEFf4HzOhAppTKtXX4Zliu10o319efs"
    "opxe/PbwpO3t8+vz+72j/gaNNBbnygnl/cFKB2EMetpblSljZu3yG7fbP1ohhY1BIjMuu+"
    "OpyiQrxVcMXAVnkLcaaGFahGXy9WoFX8oXFfNnU7PUGPWggbovQHn0RXiLbn4R0lPEv4vE"
    "itsg3clfEsuoIUIOZlo9NY3cB1lc6nPW4OWnThDr9CbORVNp2ugC0gZrrLhmid0Lcw3aif"
    "48l0xWonwSkD09W7ibEQvcRU/XyoBvQSoxuf/qfpE3udzacRrgq06UnkuOEZDgNpPIpwdV"
    "JHnUI2zvL8+2FRp+/d+3McKpCnbvlNl6z7YFk8+mXpPz/8z8PDo6OfDn88On775vVPP715"
    "++NbOpZ/3/Kln+r4qvOPjHmaiCZYSkVVU6p0uX1VTlWU2YBUHeaD2QGrqsb3rCQ0zJ85ft"
    "2A4jl+XcnwsEt5gP3pP5EdxiApoFwQM1A3h1p2OKwFWno6GJhlME/RzA8km/mX68sLOcYr"
    "iSJN6doh+A/wXNLE8BvPAcygyFGRKZ77n0/+LEJ9+unyffGkZhO8Lx7VszAOiW0KeyZgUG"
    "+PurtUOU3i0fr5Pl6/aXCKvH5TeYqwS8bxYRwfaxwffcbtnNi2H8nDdtJLkzrT00POPQos"
    "GI/tpdaA7Tt8v8aJDPazKTUwrHiedH2avg3S8RqqlW+b+MLfVrvC35Y84Q/0d6mAm47XEN"
    "yjwwbgHh1WgssuFd626YmisnsFGR1BboJxNcQlqwh6abhuc25QEFpPEHaF8I99wbtFgnCF"
    "+zzBtTnoqYRBvB3i0POozofRPWwTkFkS3mJgZvbJaCMzjdVU/TB8t1aTcBj67KPyE6ngBP"
    "67H2+eka1+swgfuix0kk0jfOJZdAKppY/8KQuX29RH3jjwbmAsWVfecf7USZiJ9GlcS0tk"
    "T/5wnOKGf+iaf4CLlKZqru2uZLan72oShZArGRFGSgW3VxJbrLd9cnpz/vtZX3u6UGnyuI"
    "H9fFBUmoQ6k8dFC9plIY1+yCgH6wEpURUS0W5g323ETf+l5AM0Q4zkUaI1c0L6+bp6qaFq"
    "DLdq9PUy3PLRVdxZpByvJkqZYhX1xSrgynmXB1i5oILgBhwnsGtrKuR31qDKKvziRwGGXm"
    "WEcO76pIFFhOhI02xIe5vIaI3b1xpn9P4oWAau7NitxrsgpqFPsftgS+MV79ErLn4tBYwL"
    "YqahVpNCB4O1NHd3NhtD0xiauXFb8BAaF1gXLjBF2yaFS2LWCEiutWjEtevVpPkqGtXCsa"
    "BWudokRXbrjjB+oYEshAmr3HpYpVWR/NQguNKqSoMyG11hoxut8jvRKo37Yp3u2IrAFBso"
    "hIFqszVRxgBa7w9CqYdgQ29Q0eEwTmzXuoTErVXhEJIcCcbbNm5vWxJvKTFIV5GY1faoUG"
    "ux6xRIsfWASYMcpsvNWD19Wz1LF1tzSOYqCIsy+gVlHb5pUoGAjqr2Y74p1SCYQdejpglD"
    "DoYhK6go4UUr7csKaW3Syg4PXv/0+u3R8evMssw+qTMoy8aj59sPFCj6KnQljdrrzceirC"
    "klP+RS8rPA/39I4kutTQlcCZlUQIVUwBi2FgX7S4L6vS1MqX7DgTU400wDvx3WnRwWtTjS"
    "Bkk1PJhp4renwNXUNfFrR9Y04MzS/Nj+GbMhbO8e+LKNODDey0LCgKU9Lqr5r6yRRs9RGH"
    "m9gcJCRxQoMiE4g11z6JRppfskBdG0G98tW4ajxVTmuq5W0FcSGoajN4pGrwlGL2rloRt6"
    "SjGlmYCGNGQv0f61UdI36FsFPaZflHSdVXP2503OoCmVns2Mmk+XFx/T4cV6tIWt/axWMz"
    "wdr+XG7vrcMDFzu6qlEE1DP4QSJrgOelGqFfhD46t2gn0Iv6nBngho49PYMt6OSypMvzrQ"
    "RSmDfOudbjGErKmkfnvddheltAG/M1de/Aa0llA14L8gqA2yJuB816phx6EXQyz1VOZFvp"
    "xdfDi/+GidnP56cfnHp7MPHz+fxbtnC7p4kyTnw+ok58NSkrPIWpX9ahUvSUGmzqM2wv1d"
    "Ay/ziJU8KQ/Yf+IpYm18kxJxE2Mx5BgLqh0uI6qiVDn+axiZkqQOnv9tszIrFAlFVpkVk0"
    "qbdVBfB5s5y7wWj0FJ0KDfAn0TDPMdBsNES6flquclzaoPZdUlKoekd70JgeohBIr+GlVI"
    "BRHTyNhEP205+qm4eTvA9rdkmlHu2LWwCo+rckCZkD7hYrRhvR4W0vSJTqPRFs7tRuyHrt"
    "0FSBd8Il1hWsLnBcKyJCel4k/xLPo8tgVlh1UFZVNvCNMVYiOvsul03VRMc6Qby7LnMLjf"
    "9Bk8iSc75XPpilgQYaujQ/0qwg3P9TE+ix5zxc7QpkB9Yk4EpO12SlGy/JnBqYBTnzUU2P"
    "N3yrzaPHpbGkaeXp6siya3bGHkuqByljcAAv8JLFEAEHM/Ivpz5wh4kISATQfiEGIwh3Q9"
    "HOBH4StwAx8ohMkVAmJChlA5lz9eIsid3+AWs9lczKwMPhEnAdlo+ksxgTzEewKIn0nP4S"
    "MC2Af3cEmAHwAnWnquzSZ8tZdtvM7Ksn8vdQo3jAOpDnJnG8OqinSviwspCJq4kOZxISX2"
    "YzelZDLbsuIMTPWTNQdgphA1O/7YcODPAOTH0QtCD5dHn5puP4O7ONToDvxv8K+I3soNn8"
    "E3wExxEF+Z0KMt4sfWHHqzH9BjnHxeOgC7vcUtDn1+9C1cTM8zPtjHNv15T3OE+RV+sLr0"
    "PoREyKk6575yvBJGzOWYbFQfx5Rp7fKhrDsks/Vq/v4RRXSKOe8sIHFsJfy3FhbXSwmE9L"
    "SzFvQIctXOkrKsTht6y3GgnFluk8JSEDRL0HoJTALRjoDn6qKa31QQMW7oesdpqlxu6NhL"
    "k+jHCelaz56woXKevdOT69OTD2e7KuspuLAqrLGVg2uNPSa41NZbZCcgHg4IwtQGmvpRmJ"
    "hNYPrMbRtiz5ETeQjs3+75jyhwInRL577dm6IZ3VvvjuK/eK32dz/d7r3khFPJLuvrRrc4"
    "3oFgCd2A2WBPcxiCBXxABCBoz6mphsC9D/j96AX6SCXW29x/ouZdQA3FMDHj/ulPQRDhSq"
    "JqZcDFv8WUNx1YwYbsEWlqTawkNDQkuk+9Zs9uixBCQUzD+MHxxguWw0SNhmY0NKOhyVuB"
    "JcEzEvVMiKup1s3EEJ7BVZ9Kd2brlmFGmelamdlR282B0f85heZ1E4XmdbVC87qk0CyjgC"
    "6LEsSCiNEZG+iMy8B/pOeOUh01UUZDkA+OG4B8UNQDheaxx6Ym0kAozQDRH0/4K7PFEsik"
    "TY2ktmthSmz0XWJjhiSvyroNngiY4KCWFdfGUNJkxLqJy0L8/ZAdANYDUjo4JKKdZKMPSN"
    "3upSZp8sqjU+J7FCwDV/bOrDNwpOI6FALIg3/cpFbPcXWtnuNSrR7W9SgKEAXTUTJ4inL6"
    "YX102OQ1eVj9njyswnqBCIH3reAWRPVDvJcYpwDNeOhmS1W8JGy0lpZ6eIAclwGktACilE"
    "G+rTVqI/pdK+P5696rRUn9tJm+mC2rFVUrl9bvqD9odNQf1Bz1B5KOXnNkP/hRaEWBxKNW"
    "Y+4X5LSEuyHetYCXEfdc5sUniJ7TShp7SVA/zI8aQX5Ug/iRaVqngv44KzY1qdNl+4slc3"
    "i3WveCrKkGakJtRr2mCiW5TKUzU5try9D2UJtruwFiwzwIWseHtWv2WBMgJq5LaPsutpI8"
    "YgmxkcyQ9oVsUgOGT3m+mlGP1fqrXVgd29RBZMfVm6pD7HLDJg3C7eiSFSTWpkTczFFSOu"
    "MFAVOIH37gpS6okQ4cFELXI4DM/ScMQh+kjzgB+35ceWMCFtBBwMdg5gaEf6dcHkSns99i"
    "gsKX71gieoCYBEHYARBkU8apE+CORNOFG36GOIJeAuWdKccxwHIcbEdY/I8SttUmdk5Iwy"
    "iGXiiktGetKthFOQ3x7sXxm+GmzE2XJTXE/KiJv/eo2t97VPL3Yl/Wl6W6un46Xgd+ro4o"
    "6KOoflokfSqJIakpCp2TMia9HFNTsl4XAlTCi2UmwwDqYV3FPtCayoCFEbUGSOpR7a4+YD"
    "IjKFXwA/uQgDuhbOHdy1clw6PbqY3dMCy7wZTx+27L+P2BpnPffzh7rMhOzF2vPbKe4pEW"
    "q3rXMFExz2e4eOp/Y5X30uAGEE/1DpDQD+iJkvARTwhATJ7odWooTAD9Rp7Lrj4DWE+YdH"
    "CDW/zkBw9M8hv9Yd4zrwYB9tMqEvRCfm7gOpVH3tdcphIfzphJUxZiUJmUJgNtCxlo2eZX"
    "AFmU0RDkXmgUDpACxul4DfHthRbcUdr1wCz4LQC9hM+eDyXnxS/XlxcVh/JKpGjUu3YI/g"
    "M8l4zYoSwDl4FRz1YVianC+5FNUGSrRpFWtnd1dnp2/vvZh76Ujd5zssOQNZCR4Fydki2I"
    "aGOJdVYxGAWBL1HiqhntTECHI3nblDanhB5b8a8FUUPADoWAbRKBSi0fGxHSauGLsiYCdT"
    "hMe3mlMT04reSV02KxJeJbWe9t0rY6LbdJKPhejvOBENOsYvGMtX6KV6NETOeuT+qIaSyM"
    "7L+AnqFrd0rXRgQFqt21VyL9hvAP5N2jEEXxQL+8iqWfjteQL+y+fGDohp4aG5sKaAhvL3"
    "T31HckIVXVJn86fnv47u3gdO3F4GcHsgobm47fiIodj3nXCxPL9M5WBAs0JraxuYzNNRyb"
    "K9/aznMfUfBsUaCjVqsvn8HQKwN71BUM7dLucDdtji6azx+S/TLCc6A2kXAb1ESG3RqKQs"
    "S4GVVh5Ze6WfivOAHg/0PAnkOMkfcO2B6kz3kW5sbS/VgvbogdsIDBA73C2yPxhtzlULpu"
    "p7/FAaJTszjhAARoyd9XvIcS5n2VmDQB8J6uadyUCXrsyH8GT4j12WWTJrXu4pTH6iA7XC"
    "CKku9r4uyGRdyky1KCuq4eUyaioUX8toE9/LbSGn5bDk2y3aUrLb9QW9htJaQhxodvmiTO"
    "0VHVrMObUurcOAJkvpxdfDi/+NjXIWHiY0YWH8NTOZSDZPJSJlJGnTjLKjmqRT8XxHRAfh"
    "uVH2MVtQ2jkpM0vNnQjOnBNZo062t4UcOLdsiLmox+3VZd8rAn3z7flTljxNSYGImoKdFY"
    "X6KxyJXloVYuJViM0RonxGtrCko22pB6z4qr8GWVbLaGsP6SS0trSFkvMyEFzprFX70gKY"
    "/M0rRBOHdJkrf9Clz4rPREXG8iWWMC9hlLTDcdY5h9/PIVOMc/sC9ZWNjOb3CLc+GEAAYI"
    "QO8JPhPwFLghBehnNg9hM9nUQANoAV2P89XXn6/pTN5zHyUwDB+tbyDhTkuPdBNHyB8Cic"
    "PS9z0EcUX+VSpTwHJKhfp6maTIbhfI95eXn3Lq2PvzInH02+f3Z1f7BxxrOsiNXyySnn8L"
    "mV+4DuZEwoDcHORFxKwJFusqAbs65K0gtv0kZOFYnkauF7qYvGL328XJ3EtAnDERK5dCMx"
    "NxIEkqH+kGoLrfqY9n7r1Mo84PqFWk7+OhzNygYxvqzyd4Vd6IoJA+0vcEzPyAR2akPoJX"
    "4DRArBS0SyfhGmtS74gq6sHzku7hcsG3Lic2uu4g1LGh1zgaULu37v3VjkuWHn26VQtGF+"
    "U0DMLox9O3Opis7DQqA1/t2a6cQIsV2LaXGy5dawoJUm25V5TTz8/dSzNbl1hUbXAfZc1G"
    "6ozBnJwxCZubhBS49JsrIy4IbhHy7JPRYp6qpSo2uChjUs/aW9rGBV99vI/T0jYu+O9x1Q"
    "fOr1whOwoY7knbqT15Wf38mMmawvrxaCvp8dWUaMn6aTFCJIRxbovQH4w10KJTglngL5gH"
    "0A3AE/Q8FLI8GQiIPUdO5MVl892gzLd0O/8t9pcIA9btjrCK13e87x3bh3cgWrK57uCC1e"
    "S/mwA/mIAnlz6RUUgnYgMBGzjJhrDhdNZbnDpM73j1piDCFnti74BLuO90iQLXd+jXctk7"
    "lklN6YfQdX6m87JsHeSkY6hEkv9zi2GYTLgqB0W/JDW9POCGgES2jZBDWJ4Qv4kHMZ00Io"
    "g0JJe+CvH1uS++Rwd+LbyQWAFu9qnYrFIY8Q/DVO2UqTI1M3rvtMWfeYkVU9MGYiWzvbyK"
    "PlHeWhOInEpN30sI25KCJTUZcIKMhhv8qMH2Pqpualbc2rMA0R+pCHFOSEOMD5qRrzXca6"
    "nqTqpqqMCcE9KP5TtsdlLXHNRjyDKUhBycnN6c/37Wl5LR91amkAVhrCuWgGYGbyXQglSd"
    "sTvC06MGYmasFttI5vRtBQxLggbG8RXbHQqiA2dcykRbUtoibv9XXu1KRbwkZ/KcS8F79I"
    "2RVg5RQLYotj1gj0YCLE8FZye2+vlUEDVn05DPJr5Yq4PGUVLzpcL6qftHh00s18Nq0/Ww"
    "qImKwLUFXE+sewmgSClftZbceSmTbGicxpq7D43T+Htc9Sqncb7cWOw/U0yhK4iZI7Q+X1"
    "v0UuYhVs7VvhKmGie0a/O0C5srl6N9RTf81fnpTV2StoB7hDesv5pFLVxFOqXG91p3NYdZ"
    "XSRIgmmTKJB0JZulqiccWhqLwXNh4oAGfwYgj02YsKANFISrQqgQP4MFHcr++4jIK3CyV8"
    "C4y7lvMY+YIGQWeYD+OjD3KbZCfMYLAh7oeBeDOxYN6bGcRPR8lzYxf/mO11vlRVjnFEGE"
    "qbB/i7PYi8B/msSp8pDiCQkCAZqxcAwWhYLojnBAPC+LrmHfnY0ldKWS+9e0Q6fT8yeGj8"
    "uY3wQYU7B1WKEYhVVqSuwXxL5rWj/d2SX41tWw3C4D2X+oRWck5Di8ottz7jfhoQ6qeaiD"
    "Eg81lvCgnt0RJjZo11u769igloS24bLVuewUswXVUqmm3wZuQVQ/xHthtAVdX+n1mBfrBO"
    "wBJXq/bYL022qg31Z6DgzJrQvd2ajvOTVdFalOQcTQnPU0Z0oMbExxljOFxgnvWqpT2FzK"
    "NGefFN57N7R9F5/YcYSShMQrjJjU0XjTeKwF48EKRN4TDO35D6waI0iEOSmWsFVxnhMv2u"
    "iGLFPJRu4j+oEeB3TLEsDHs+o35+wiPREKS9f9HW6xS4Dn26yJ0tPc9ZgkSAfTS9CjF9ku"
    "5s2VwidOIfLstqSd0j3PE0OAb1tTlGcoZ96khl+ju0WxJ8RKQruCPN0bIRjRxyR4UMFXEN"
    "HQoO6+5hEPO+a/TYHhzAtpQxh1G2ZJbNg6zlKQNYGWw4mgKNsUxpKsfqj0siQVqi0ITHys"
    "/m3aCDbVt+PZRrgXdhKKUECtxo5Z4drAjhGXtFlNCm43CKYAiaiJEPosYCC2AN6BxX/9+F"
    "98bZjxwawNwR6RFP7saFKphx+urLr4FW98+oOyOVSVtR3oaSNyRsPVs9/UxBBEtLPheqnz"
    "mRxIqtxrTmqDc2I86q9CnH5EZKVSa8sYpiKmgKFCAUOmfBMrfr0qHLpFse2dvQcjOXhnAU"
    "IWbzavajnlJY19bOxjYx/v3j7OKVWxCaH4ws9LGX9rvb9VMNM2dLmWvXnjxHetwzW/wTZI"
    "LXHxo+/aHbE65/FkGuG+DVYnRa2a1RFwXc/qiCvahNRJ7pFyLS8IoOrIgoD9xDicpJ5gtp"
    "ysdCd2/KeX3JfMMje4f9meU8wAmftPREbx9HEL41AewKE+qSF3hkBHlE8VzfgI41bu3a0c"
    "pxNYBIayl+TaPIRMUCfOcsv5CAwga+FiX2Jg161AXs4sgEkIGWxCCCv76gbIifvxBYu437"
    "MCTVc9gU77vjPODn1bUrRICzYnL6khmzMS9qYRacfDYi1e3V91nQui21nogfTaHt06J0EE"
    "Tgs1rSSqTRDgtpWElm+uHb6wxhKFybpDumGr7V0S1QbdbW/vFMgWhkhZ1qxCu1XgMcX2HD"
    "G6sG1Icl7ceF2H/GI3XtfqB1Bjr2tMBFsBmql6XkuSxvs6rBi2YcUM9uPQXm3CDp3a2oXM"
    "T4pO7dKzu4Fjm94JE2hXGCMtnNs3qwk1WgOJg7t0UpThu8Toxqf/abiDN0iAH8LhsD79PX"
    "c2Ntm0XcQNiBuyOnagsG3Xxw8UH5wmMQSCDHPys3acEIMkEuEFAZmfHxLAVHBAEMKsk2jm"
    "2ZeFDXQ0qzQ1xF2FVITfWBdOEzwwpOABviYlnGv6bn7rMhN914p9ztF0/LqBp+n4daWriV"
    "3KK4CP0KPPgzqVlJfTya20ZRJjysKdrDlVA+cq1TiLYq1WYGBcRR8VOZVKvGUCW+xS+Glr"
    "PQrfNqk3Vl1urHhyMHwSskQhW0eQ2mLCzm6Mxg7zdfyIKmQysKs3syCiX53CjvfyzA1YeQ"
    "qqMrYgF0vCGvKLI+ETDY1saOSKVU+MPEWmMy9l6ON6rlMwpLvhOfVLIpkU6KL8BhtUwcQv"
    "8JnqEHsSOim5MqmjkJZ8jEpdRDecOxQb6IFZ4C+EWoUvWJXCR4QjVtrQo/BMknQQFCDgho"
    "BtJoeUSKMuJr3F+3cEBY8sieZV8pNecXly97Jh7snXwnsjZZgMpbQzSilAM8QCkpUU6pyQ"
    "diUyXjfJSHldnZDyupSPMpZ+DdpRSjMks8prUE8ETBySyYjo6DTpOCNiiL11dpg92Hle2z"
    "LwH11HVrOkGmFRRsMd3D3IU4gflJu85IQ0hPmwidpxWK12HJbUDo4Y/0MV5lRIQ5h7SThO"
    "C0/gaDFVOzvKkhpi3v3WzmBT3N1FOS3BboZ2HdwlvFkeJSLMcp/KC+LXdZMuiZpaf3l0HW"
    "RT/aEFtiVBg2yhEoSv5vdOx+vnJ+ylnxnbf4R+LUsV55KgAbwR4KZDoumQOBTEe9ng9HW2"
    "WNIzAdvPql0SJaLacdN9Knd0SnyPgmXgyrjqOm+AVFxD1br7oNOUOrJa+WHk0vqdNL3Y7A"
    "Rh5ofkrdxVEvNLcto4C7oLN2VpH+pBRYKYST8ectwYzxdHQSBL+K8+rfJS+p1SvehDJkSv"
    "Gn19Q/RSXkd91fOS5hgd8jFq+4slC3Fr9XQXZM1KD3mlo6XT8hTPS5pTfMDLniWON+wi2H"
    "/E6jUKQ4p9jKA0cjUbMVkfwWoRcfDaSNYbMcA0ngGkM7zjfbAD/2kCFtBBLDuZ546w/GR8"
    "j8ppz5tO1nFd9OpebA2bASVn7XBZp04swuqw052E2QzsBdd7iW52NCWPbjinx9rc92Qtxe"
    "qCUKum0CjJdsshkkYVMKrAVlWBK8TmuELMO1JVFaU0plYdCPhoK8iGN9QI4rsQQGf23LSZ"
    "7dT1vFfgblUs5u4dz01hn6etUVgWyhP7lyWxgH366Xt2lf1V0hT6uMktjghKJn45AU9zny"
    "AwozCDAM0i7NB/wijAhM25MH1YhhMIUtOHxaRkmBSBgah+HacIGBe6caEPdq/34EI3zac7"
    "D5uM9ZlWVkpB1PDSw7FKJB4I413UzBht4l1kVo/icSmImNIfpcOSUL1J+Q1UEDOw1ldUSe"
    "EqQ6xcUuVKmGqc0K4tplLYXBXVVIqHQgfYvk+m0RRX4RwcVIWamJy6DulL62GvkuBLrk8a"
    "kHuED21I7P3BS8UwQm3h43DuPYNYHCBWHJUXEk+qyICZH8TuumSDll19m05mqLcBHOSTGu"
    "qNZLuwacRtJmBCbUsdG+OHgmri4Tzwo/u5XJGXAysVrtPltbLWmCpeQPM+oMchkpwCv1xf"
    "XsgxFESKyLl2CP4DPJf0tkuF42AauV7oYvKK3XYXJwKDKGcApaTN/ueTP4t8zumny/fFo4"
    "NN8H7wuvUQWi90oVmr6ClNtHDF5heb6OBDWIKNNPDTk+vTkw9nXXa/SLyTp6xr5H21BpgO"
    "aKACkrhn8n0zFfAyDsECSxQkgVrvwJz+ncJAAIIBBsnUZa2vhbyJ6RpWTFespll0P9FfLw"
    "s0qquGXhbeYlH07JPRVkVfBij1aCQG3HSpsMWrxI2+XQQ6dFEgyRas1g8zgWFoh+x+2miH"
    "Jpauet+P030x8Fi6E/q16EHJHPn8XClpWfkBtVoWjIdaNh+rUB6aB62FPqC72UP0EInoDg"
    "sABPRbO1xvojsD8frNGLiERMiZsAA1/uHBBBzx6s4/AQc+yytFdzj/LYazkAozNi+OyU8q"
    "Y/zMPopbkiXTgiWMCOpFszMUXvcU3vCqkEref1/OLj6cX3zsC9tikYJGNQpqShSUAvjVix"
    "OYugR1ylvcn4YdQa2UBom4CW8ZjqJQDnTA6FuYluposd4S8a2s90AYxdEtNy8w0bZCmlRY"
    "vzSz7sukicC1BVxPrHspCGLCXbuP4DJhkNU7epw8QpMwSMMe6bbqVeyRCX7t7ehM2BtFRP"
    "NSBtT60NcErTLAytGZCT35eTXhOPFd633Pb7Dhh7+OIqRhqMGvhV1dTcsL+349L59soYbE"
    "/EkWqfCCxOGpFHHAIGUp5aHPsswBBCSaZmJ0IEOUAMgTx+ll1m8xJtRLxHzH899inuXO+P"
    "cnn6XLxwPomcRT5n9mHSH9B3aLB4SW/DIPz9i/Ovv98tezDy/jHpHEB46P6B3wLWa4LWDo"
    "2jGTD2LmP2bLEv8AAftfTn67puKNG0aKP4jJJDyyaRu5YweAHwVqtYpXEhpmtfbQhywx2B"
    "f00fCdltZ+TtgY/QWjPz47y7jeoG8V3hVBRItNXGfWnf15k7PoSvEamVX36fLiYzq8GMQh"
    "hbxlwcu8rIZW93it7DK5MhIP8cnpzfnvZ329e/t2ECPcrkiwKGc8mEN+jAwzXf1wjZOjbM"
    "JMDy/rZbiPtILGJ9qSitBKRA289axl0XLfkFn74kF8XZhynDCv5dkkm60Bg2kKJKhg3KxA"
    "QjWfKbyiV/G7hXyXRPBvv14hD6Z7tpaYX8UNawL7X33yvoxsv4qkBU3TS5M6ppfz2UHUtH"
    "zpCVjSM4jVH0eB6zsTzq4iB/j0WYrLicarAfbZuEky7CVwCXiawxAs4AOjSgFBFCYHBPHX"
    "K7C8Xd/iFvsz4IYTQOw5ciI+WQCmz2AOMZ1/RvcLnZfKszoKLl09qlQBKsJuzOhfeE9Xs4"
    "qt/brHvgbf1fyLxLRsjr/Nq6GuY5jbHTO3yUpJrYkKNjGT2LA0wEAPLRnAktoAtrxgbGUo"
    "tr39YrFjicMO/RBKvK11tXczEW3Q3HLd3STSUiWZQBTRBvbONvEjtKHSgbASMGBKwbSfrR"
    "YnQ0lUG3RNZe5d+3U7rsxNb31/jwKqDk8lKFfrukU548otEHshDNqx5HlJDVnykbDijZwh"
    "1Fh1ybxl6l5O1Di9hrzOxulV/XrS1+nFqCTVOKeViPHG1HtjUqKug/hm+t2/JLONE9m1zg"
    "FhX23gGKBAbeoWSGjsT3QmjeDehlOAQ1btGEgRXe8csLJlbFIHGYYAMtodxF4hB+z7AaBv"
    "Jcelq/YyV6x4woh4D81CEBMDk7Sccckr0M20t1j0K/Lw7ZjZfQfckAD/CWdeBz+u2MKmnS"
    "IqjsA+5Cv3Q7Tkvgh2+Rb7th0tme3NHAYh+5LxBMwd8UCPedw+zDv1J0zAV4F/fqAyig6E"
    "OuZAs8J+W6ELjGOhc8cC39Ul2Ko5l3S8hnxL9yGSaZWrhhxtOlynBn+dkbSmZ+KOmFnsy7"
    "I/q0+IdLx+JTWOGpXUOKopqXFULqmxs5TwgUHdDRm78+BVPVGNVMmRlYThRkwg8Dbhpb9G"
    "9ekXRAycaxqhRV0ReUmA5DhBXR/hG0k5vKz3QtWB0AG4JlZ9Taw6e9w7wPm3ZBpNsRUOxc"
    "HG/w9T2Rp9f8SRwjrUCjGi26rCKSB4teqdAnSgxRxECoVhWJQUL9fC2XvGlrNHm7yLg/b3"
    "GdceB1KFYBm4NqvSwgl4j9WfCUv+gM2nvMV3wm/+wgbcARczV4GNXk545x1/RgEA+zakxr"
    "cDg4TbJ/Sqj+ldXHvOSrzH1D+6xfHlFySp8857Nyb1Z+594EfhJK4YzwvNUKw84LD9A3n+"
    "Qfy9wAyhxh4Dk1iwEy2/mv/n/5ZwriGpkvEa0tiHjViqwxqW6rCCpeIoKYCcE9IS6UZA1+"
    "BchNlEwfYdBUtvgoJHWZh3NcKijIYId+/3SjUV+opWcH8VpHRy2XTmBaNqi6XqVRREDKbS"
    "9nV+IK1wWtszUJAyzQIVmgUyXduiurZFdXabGcFKvQIrpFvt64GZuV1v6wyqmct+TXl31z"
    "jOy7IaIbxl/3mG5T0dpHx6V0hrtBzdb3im3cDl0nNtHuHaCm7ZHNrk9nXc00o9+K4o912H"
    "4MHAnruPrVJOCqIms2gMmUVq6Zd5KeOfNt1zGh/2+qZrme45uq265ARV7b2ci1LpJvdphO"
    "tfmfeUpzxcu4v0MNGHpytWYpDJhpBpHJrTe1pdbqvVu9Gz7djMl26tnob1HvWbOcrK5HHX"
    "9izwFwCmyWc+fkf/sOcQ3yMQ8oJ4aDZjjcz5OOZsZo1ds2Q3GGfT5Dzs3d/iFiMYeC4KWB"
    "sV3sHlOenLktxh7pLQD57Xl9qL70RNDovdrFRyz2THDTI7rrBqUpVJvg5lye/bVDdJSDsi"
    "UeXp7L9cX15UEHmpQHG/uvSg/A/wXDJCxrQGRoZETo0vtUwpdkcp6OdsglLLlN0yFuNB3x"
    "AW37HpaurL7DorxdSX6aC+TJabspso6Q8RxvTnXSeVwvckJl5xyKTOwnPiwRYRRzcy7xBr"
    "BoVexFVJArRg6xmwcGMC9nmxE//p5YQFLFMkbZTEIAMHLT2fd757QaQm3ebT3uK7q7PP5x"
    "cfzq6sDyf/99r6H3e8vgp6RMEzD3dOpeJ7NQxnVjLavheLbUMXabUtxhbcigvbqOizBbGN"
    "tNqBnlxbU2s5lrxDrPIKZFJmATZYgNQJo2ZX5KWMXSHH1LjEdLErOnCJ9amwfWKkIZIqau"
    "mlWgUtDbVSIN7xD+E8S9Ziug5MiXKm/EyS/uKM2oaZOpSUlxMb2EjVs47mvsX78XgheOxl"
    "0hoHQXvO69rN6UWEeTE7nu7GFLgk5Y3N9E9/yurtkWo6Ps0HFW5iuPghMZfV+p+4ZM2164"
    "KUTkyyqRA2zi1uKE19VY8mlObOCpcNbY270d9Z0HkLSAtiBtZ6pni7hTQGCmkHlTRkO9fg"
    "ug7XwsM6qColpdg0iV0ni1+rNvC4o6EUPdekaAmrJpJVG58+J6ZYHN90x7vmWEwnuJvQka"
    "HrgTuEnfgTsO9i24uI+4hexsXC6UxumZDv4R63OEqLnE+R8w6cXXw4v/iYSFPTDU/YR2cf"
    "AOcQG5caSX1bjNGPSFyUPK1gJX5mSpLs5AVebegli1NCurrOwEpie1UG9k5Ob85/P+sL2r"
    "4rDaweVLnpUQm0IPVdR7Slp5oKfKLMhuCNh4qXNeU1CV0mPsqQCSahy6x6edWrvFcmKq4/"
    "F7ApfW2CDLeCbAdN7ExF5u4rMjfJjV1AzF6GG2YyntBTfQmfP8eTaQR6bl/mOvBtnExsGi"
    "k2ZyN/8acs/VrCQSZXJnXM4z/9qZXmgK/nGy8xAmmUsJMGX6SNCwHx/JBF5YZzlyRxte9A"
    "gJbc1gD0KXQfUeAikobekqSybI5u7P4Wt3iBCKHgARggYDMvNotOwQ4gD+5yiRyBmQQfqP"
    "r2M4AUANeL6PAHhJaER6+gIKBfYo5Yl0VeSfkKOVTAoSrnD/R8CVEA6CaMUhHsAwYmYotc"
    "2V/xK8Of05P0d20WlmJYya5ZyWRpmlKSyXANq54ev27ARR6/ruQi2aUCF8m2ewnbeus1ld"
    "HQbh2vnVqmJ0bC5V/9dnFxfvFxS2T+cRMyv7hqApl/XGqXmb3pykhXl7fNCZkSfaWoOPoS"
    "XyxDFUhFEQNoCVBeEkFWUbUaUEHEAFoElOugZTRv0LcKODMBHVqM1r0mz/68yb0hS7k32V"
    "vy0+XFx3R4MSFH4jFtxbTnJTXUWEbKtDfxr8xc7JJ5q2UviJoao0NTVAeSD3RClTB7vieh"
    "bJIrkzrKBq7GrCNsqhfW5DoPK9eZ6uVEmudSbTcJIhqSDodv3jQwmuio6p5B7FpBIV1KOi"
    "hUI5wM1xDdg0adrw5qOl8dlDtf0TuG0saW1ZnigohJE1dME9/py+yv/w+4kBpF"
)
