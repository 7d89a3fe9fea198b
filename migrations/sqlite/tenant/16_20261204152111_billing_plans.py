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
    "eJztfWtz2zjW5l9B+UucLSVv+xJ3Nr27Vb5Nxt2JnbKd7t43nqIhErI4pkANQVrRzvR/Xw"
    "C8iBeQIihSIhFUdXW3RRxQegCC5zzn9u89H2GI/bdfPHeOPH+59wH8ew/DGaL/U7g2Antw"
    "Pl9dYR/4cOzwwfNwlI0IHzcmvgdNn16ZQIcg+pGFiOnZc992Mf0UB47DPnRNOtDGT6uPAm"
    "z/K0CG7z4hf4o8euHbP+jHNrbQdzp59Of82ZjYyLEyX9i22L3554a/nPPPvn69uvgbH8lu"
    "NzZM1wlmeDV6vvSnLk6GB4FtvWUy7NoTwsiDPrJSP4N9y+g3xx+F35h+4HsBSr6qtfrAQh"
    "MYOAyMvf81CbDJMAD8Tuxfx/8n+mqpYYZxfXNv3F3eG8aeBHamixnuNvYZUP/+K5x3BQj/"
    "dI/d4Pzvp7f7RyevOQQu8Z88fpHDtfcXF4Q+DEU56CuU+X8LOJ9PoSfGOR6fQ5p+0SYYxx"
    "+sQF5tsBi+GKAOIN2bwe+Gg/CTP6V/Hv70UwXGv5/ecpjpKI6zS5+I8GG5ji4dhtcY3it8"
    "oWXRxSAyEKdEtofyXlfbNovxu1oYv6vA+J0AY8+c2i/IMqBfxPmCAuXbM1SCdVY0h7cVyb"
    "6N/6cG+tEp0ZctXoH2/dXny7v7089f2PQzQv7lcLxO7y/ZlUP+6TL36f5JbmGSScAfV/d/"
    "B+xP8N8315f5oygZd//fe+w7wcB3DewuDLrbU5jEH8cfZdbZ9BDDvcEyZyVbWOXenWT0B1"
    "o32FlGO3Agyx49LIVVZ0rB5Dn1wmIfjKH5vICeZWSurLYHXQtfcNCeRWJ/++0WOZADW9wD"
    "kXb0lU4xwNX/K97v8afxLmCwuYduGZDFS7PDWf4TiOET/0ns3uxOaawEGmaMYbl2mSxUu4"
    "rlt1ht5cotXSvk7P1Da5t90jbDRZHQhRIBBfXNg1q60EGFLnSgdSGtC2ldSG1dKL3q8QvO"
    "kHtd5cTafG/195Fe85oqqJhFlIsQ/831kP2Ef0NLDvQV/S4QmyJCREC3DRPaglJJP/bgIl"
    "Gh8puLYmAhB/kchVu64W+vzu/3/qqjwLumGcwpnhHt2FyNv4kmUgn2zDkwth1nQ4zO6BSD"
    "fYVXo+MF2HBsvOkuYgjdBvgTnUnVfTR3IDZIME7usCFkX+h8d6npVMKtS1t6dWAJDOrMaV"
    "ZuVedOz7W29d4fUxc4TOEHNgaLqW1OAbPM6f8i/AGYgechzP6yHQQeEbaI4eJHYBM6iiD/"
    "Lbh1FwRADwGMXhA3x9Lotjz9Aw7fKtYIEBdAQF/mtsUmmMElmLqOBQgbBh1AX0a2axF2Vx"
    "cjfs+3e6M6rqhve/Gs0Xg/5A80YbAzwoDqV57PdobYyhGDnRGqMnAG+/4ToczskxwZED1V"
    "MtilRDpHrrBjewOctq5LgVTYuo5Pf0nrOiemrevcw8RepJKQpkQ0nNVkRVpl2ZCsuE1NNU"
    "xo15IVuWc1Q1acn96dn15c7hU2bwvQKuZYzMOael6l+Z8u7apkRwvMqvRuL7eq4g2jA+EU"
    "tzQCgjzZt9RKZLt49/IdlfFC0s3wIogrPHNdB0Fc4n9MhHJojqlUV4dnjO12oTy7ufmUUY"
    "rPru5zTt6vn88ub/cPONp0kB0eqFfX9zmoLcRxa2iuFKW127fPbt9kvSgGBrXEiMi6Lw+n"
    "KBFvFFzRs1XeQpypZgXK0VeLFWgUf6jdl3XdTgvoUAthQ5T+4JOoCtH2PLyDhGcOl7PYKt"
    "vAXRnOoipIHmJeNjqN0Q5ct/F8yuNmoVkb7vBbxEbeJtOpCli0vYwZoihY7TyUn/lcyiLm"
    "uS+2hTzDDIjvzpC3KWjRfOfRdKriNoOYackbonVK9T26Zz+Hk6mK1U7CoHpmFbYTzZOOR6"
    "CGznM5oDcY3bv0X3XfDXfJfArhKkHQnwaW7V9i3xNGPqWujqpIesjGGY771C+S/sx+usK+"
    "BE1vF3WqaN17yxfTL0v/8+Z/Hh4eHf18+NPRyft3xz///O79T+/pWP59i5d+rmJGrz4yjn"
    "OUNvZj0rOcvKfL7cqy92mZDej7fj6YLfD3csziSkLBTK2T4xpk4slxKZfILmUBdsf/RKYf"
    "giSBck5MQ10fatHhsBZo4emgYRbBPEYT1xNs5l/vbq7FGK8k8oS4bfrgP8CxSR2KYTgHMI"
    "MiQ3rHeO5/Pv0zD/X5p5uz/EnNJjjLH9UTPzT36sKeCGjUm6Nuz2VOk3C0el6243c1TpHj"
    "d6WnCLukXWzaxbbGxdZlhNipabqBOEAsvjSqMj0dZD0hz4Dh2E6qWpiuxfdrmDJjLnVRi3"
    "5FjsXrU/dtEI9XUK18Xyfq4n150MX7QszFM/1dMuDG4xUE9+iwBrhHh6Xgsku5t218osjs"
    "3pSMiiDXwbgc4oJVBJ04MLw+N5gSWk8QtoXwT13Bu0WCcIX7NMK1PuixhEa8GeLQcajOh9"
    "ETbBL6WxDeYghw8slgY4C11VT+MPywVlPqMHSdTYMy/u466sZi0GWhk2wagRHOohJIDX3k"
    "iyQwc1Mfee0Qz56xZG15x/lTJ2Am4qdxLS2RPPn9cYpr/qFt/gHOYpqqvra7ktmevqtIFE"
    "KmOIkfSJV2X0lssbL76fn91e+XXe3pXE3Tkxr280FeaUpVND3JW9A2C551fUY5GM9IiqoQ"
    "iLYD+24jbrpvWuChCWIkjxStmRFSz9fVSbVebbiVo6+W4ZaNruLOIul4tbSULotSXRYFrp"
    "x3WYClS3ek3IDDBHZt9Y7szupVAY9f3cDD0CmNEM5cH9WwiBAdqdtaKW8Taa1x+1rjhN4f"
    "eXPPFh275XjnxBT0KbYfbKm94h16xdNfSwLjnJhu3VanpEZvLc3dnc3a0NSGZmbcFjyE2g"
    "XWhgtM0raJ4RKYNSkk11o06bXr1KT5ljaqU8eCXI10nRTZrjtC+4V6shA6rHLrYZVGSfJT"
    "jeBKoywNSm90iY2utcofRKvU7ot1umMjAjPdqsP3ZNv6pWU0oNX+IBR7CDb0BuUdDsPEdq"
    "1LKL21ShxCgiNBe9uG7W2L4i0FBukqErPcHk1V9Ww7BTLd5EKnQfbT5aatnq6tnrmNjSkk"
    "UxmE0zLqBWUdvqtTgYCOKvdjvivUIJhA26GmCUMO+j4r3SngRUvtyxJpZdLKDg+Ofz5+f3"
    "RynFiWySdVBmXReHRc85kCRV+FtiNrPuZlddOCPjctmHju/0MCX2plSuBKSKcCSqQChrA1"
    "aA1REFTvbaGbQmgOrMaZpltF7rDuZL+oxYG24qrgwXS7yD0JrqaqXWQzsqYGZxbnx3bPmP"
    "Vhe3fAl23EgfGuKQIGLO6mUs5/JS1bOo7CyOoNFBY6IkeRpYIz2DWLThlXuo9SEHVj+92y"
    "ZTiYjUWu63IFfSWhYDh6rWj0imD0vFbu274jFVOaCChIQ3YS7V8ZJX2PvpfQY+pFSVdZNZ"
    "d/3mcMmkLp2cSo+XRz/TEenq9Hm9vaS7ma4fF4JTd22+eGjpnbVS2FYOy7PhQwwVXQp6Ua"
    "gd83vmon2PvwuxzskYAyPo0t423ZpMT0qwI9LaWRb7zTDYaQMRbUb6/a7mkpZcBvzZUXvg"
    "GNOZQN+M8JKoOsDjjftWrYcuhFH0s9FXmRL5fXF1fXH43T89+ub/74dHnx8fNluHu2oIvX"
    "SXI+LE9yPiwkOadZq6JfreQlmZKp8qgNcH9XwMs8YgVPyjN2FzxFrIlvUiCuYyz6HGNBtc"
    "N5QFWUMsd/BSNTkFTB879tVmaFIqHISrNiQmm9DvLrYDJnmdPgMSgIavQboK+DYX7AYJhg"
    "bjVc9aykXvW+rLpA5Si2F9chUF2EQNFfIwtpSkQ3MtbRT1uOfspv3haw/RpNM8gduxbW1O"
    "MqHVCWSp+wMdqwXg8LafpEp1FoC2d2I3Z922wDpGs+kaowzeFyhrAoyUmq+FM4izqPbU7Z"
    "YVVB2dQbwnSL2MjbZDpVNxXTHOnGMswp9J42fQZPw8nO+VyqIuYF2GjpUL8NcM1zfYjPos"
    "NcsRO0KVCfmBMBKbudYpQMd6JxyuHUZQ0F9vydM682j94WhpHHl0froskNMzVyXVA5yxsA"
    "nrsAc+QBxNyPiP7cKQIOJD5g04EwhBhMIV0PC7iB/xbcw2cKYXSFgJCQIVTO5o9XGuTWb/"
    "CA2Ww2ZlYGn4iTgGw0/aWYQB7iPQLETaSn8AUB7IInOCfA9YAVzB3bZBO+3Us2Xmtl2X+U"
    "OoUbxoGUB7mzjWGURbpXxYXkBHVcSP24kAL7sZtSMoltWXIGxvrJmgMwUYjqHX9sOHAnAP"
    "Lj6BWhh8uLS023X8BjGGr0CP43+FdAb2X7S/AdMFMchFdG9GgL+LE1hc7kDXoJk88LB2C7"
    "t3jAvsuPvpmN6XnGB7vYpD9vMUWYX+EHq03vQ0iArLJz7hvHK2LEbI7JRvVxdJnWNh/Kqk"
    "MyWa/675+0iEox560FJA6thP/WwuI6KYEQn3bGjB5BttxZUpRVaUNvOQ6UM8tNUlhygnoJ"
    "Gi+BTiDaEfBcXZTzm6ZEtBu62nEaK5cbOvbiJPphQrrWs5faUBnP3vnp3fnpxeWuynqmXF"
    "gl1tjKwbXGHku51NZbZKcgHA4IwtQGGruBH5lNYLzktg0xp8gKHAT2H/bcF+RZAXqgcz/s"
    "jdGE7q0PR+FfvFb7h58f9l5zwqlgl3V1owcc7kAwh7bHbLDFFPpgBp8RAQiaU2qqIfDkAn"
    "4/eoE+UpH1NnUX1LzzqKHoR2bcP90x8AJcSlStDLjwt+jypj0r2JA8InWtiZWEgoZE+6nX"
    "7NltEEKYElMwfnC48YLFMFGtoWkNTWto4lZgUfCMQD1LxdWU62bpEJ7eVZ+Kd2bjlmFamW"
    "lbmdlR282e0f8Zhea4jkJzXK7QHBcUmnng0WWRgjglonXGGjrj3HNf6LkjVUctLaMgyAcn"
    "NUA+yOuBqeaxJ7omUk8oTQ/RH0/4K7PBEoikdY2kpmuhS2x0XWJjggSvyqoNHgno4KCGFd"
    "eGUNJkwLqJzUL8XZ8dAMYzkjo4BKKtZKP3SN3upCZp9MqjU+In5M09W/TOrDJwhOIqFALI"
    "gn9Sp1bPSXmtnpNCrR7W9SjwEAXTkjJ48nLqYX10WOc1eVj+njwsw3qGCIFPjeBOiaqHeC"
    "cxTh6a8NDNhqp4QVhrLQ31cA9ZNgNIagHSUhr5ptaoieh3LY3nr3qv5iXV02a6YraMRlSt"
    "WFq9o/6g1lF/UHHUHwg6ek2R+ewGvhF4Ao9ahbmfk1MS7pp4VwJeRNyxmRefIHpOS2nsBU"
    "H1MD+qBflRBeJHummdDPrDrNhUp06X6c7mzOHdaN1zsroaqA61GfSaSpTk0pXOdG2uLUPb"
    "QW2u7QaI9fMgaBwf1qzZY0WAWHpdfNO1sRHlEQuIjWiGuC9knRowfMqr1YxqrNZfzcLq2K"
    "b2AjOs3lQeYpcZNqoRbkeXLCexNiXifoqi0hmvCBhD/PyGl7qgRjqwkA9thwAydRcY+C6I"
    "H3EC9t2w8sYIzKCFgIvBxPYI/06ZPIhWZ3/ABPmvP7BEdA8xCYKwBSBIpgxTJ8AjCcYz2/"
    "8McQCdCMpHXY6jh+U42I4w+B8FbMtN7IyQglEMnVBIcc9aWbDzcgri3YnjN8FNmpsuSiqI"
    "+VEdf+9Rub/3qODvxa6oL0t5df14vAr8XBVR0EVR/bhI+lgQQ1JRFDojpU16Maa6ZL0qBK"
    "iAF0tMhh7Uw7oNfaAVlQFzIyoNkNij2l59wGhGUKjgB/YhAY+psoWPr98WDI92p9Z2Q7/s"
    "Bl3G74ct4/cHGk9d9/nypSQ7MXO98shahCMNVvWuZqJils+w8dj9zirvxcENIJzqAyC+69"
    "ETJeIjFghATBb0OjUURoB+I8dmV5cAVhMmLdzgAS9c75lJfqc/zFnyahBgP64iQS9k5wa2"
    "VXrkfctkKvHhjJnUZSF6lUmpM9C2kIGWbH4JkNMyCoLcCY3CAZLAOB6vIL6d0II7SrvumQ"
    "W/BaDncOm4UHBe/Hp3c11yKK9E8ka9bfrgP8CxyYAdyiJwGRjVbFWemMq9H9kEebZqEGll"
    "e7eX55dXv19edKVsdJ6T7fusgYwA5/KU7JSIMpZYaxWDkee5AiWunNFOBFQ4krdNaXNK6K"
    "UR/5oT1QRsXwjYOhGo1PIxESGNFj4vqyNQ+8O0F1ca04PTiF45DRZbIL6V9d4mbavScuuE"
    "gh/lOO8JMc0qFk9Y66dwNQrEdOb6qIqYxqmR3RfQ03TtTunagCBPtrv2SqTbEP6evHskoi"
    "ie6ZeXsfTj8Qryhe2XD/Rt35FjY2MBBeHthO4eu5YgpKrc5I/Hbw/fvR2crp0Y/OxAlmFj"
    "4/EbUbHDMe86YWKZ3tmIYIHaxNY2l7a5+mNzZVvbOfYL8pYGBTpotPriGTS90rNHXcLQLu"
    "wOe9Pm6Gnz+SLaLwM8ByoTCbdBTSTYraEo0hjXoyqM7FLXC/9NTwD4PwiYU4gxcj4A04H0"
    "OU/C3Fi6H+vFDbEFZtB7pld4eyTekLsYStfu9A/YQ3RqFifsAQ/N+fuK91DCvK8SkyYAPt"
    "E1DZsyQYcd+UuwQKzPLps0qnUXpjyWB9nhHFEUfV8dZ9cv4iZelgLUVfWYEhEFLeL3Nezh"
    "96XW8PtiaJJpz21h+YXKwm4rIQUxPnxXJ3GOjipnHd4VUueGESDz5fL64ur6Y1eHhI6PGV"
    "h8DE/lkA6SyUrpSBl54iyp5CgX/ZwTUwH5bVR+DFXUJoxKRlLzZn0zpnvXaFKvr+ZFNS/a"
    "Ii+qM/pVW3XBwx59+2xX5oQRk2NiBKK6RGN1icY8V5aFWrqUYD5Ga5gQr60pKNhofeo9m1"
    "6FL6tkszWE9ZdMWlpNynqeCElw1iz+6hWJeWSWpg38qU2ivO234NplpSfCehPRGhOwz1hi"
    "uukYw+zi12/BFX7DvmRuYVu/wQPOhBMC6CEAnQVcErDwbJ8C9Aubh7CZTGqgATSDtsP56r"
    "vPd3QmZ9lFCQzNR6sbSLjT0iPtxBHyh0DgsHRdB0Fckn8Vy+SwHFOhrl4mMbLbBfLs5uZT"
    "Rh07u8oTR18/n13e7h9wrOkgO3yxCHr+zUR+4SqYIwkNcn2QZwGzJlisqwDs8pC3nNj2k5"
    "BTx/I4sB3fxuQtu98uTuZOAuK0iVi6FIqZiD1JUvlINwDV/c5dPLGfRBp1dkClIv0UDmXm"
    "Bh1bU38+xavyRgT59JF+ImDiejwyI/YRvAXnHmKloG06CddYo3pHVFH3lnO6h4sF39qcWO"
    "u6vVDH+l7jqEft3tr3V1s2mTv06ZYtGJ2XUzAIoxtP3+pgMpLTqAh8uWe7dAIlVmDbXm44"
    "t40xJEi25V5eTj0/dyfNbG1iULXBfhE1G6kyBjNy2iSsbxJS4OJvLo14SnCLkCefDBbzWC"
    "2VscHTMjr1rLmlrV3w5cf7MC1t7YL/EVe95/zKLTIDj+EetZ3aE5fVz44ZrSmsH442oh5f"
    "dYmWpJ8WI0R8GOa2pPqDsQZadEow8dwZ8wDaHlhAx0E+y5OBgJhTZAVOWDbf9op8S7vzP2"
    "B3jjBg3e4Iq3j9yPvesX34CII5m+sRzlhN/scRcL0RWNj0iQx8OhEbCNjAUTKEDaezPuDY"
    "YfrIqzd5ATbYE/sIbMJ9p3Pk2a5Fv5bN3rFMakw/hLb1C52XZesgKx5DJaL8nwcM/WjCVT"
    "ko+iWp6eUA2wckME2ELMLyhPhNHIjppAFBpCa59C0VX5/54nt04LfcC4kV4GafpptVpkb8"
    "QzNVO2WqdM2Mzjtt8WdeYMVUtIFYyWwvr6JLlLfWBCKjUtP3EsKmoGBJRQZcSkbBDX5UY3"
    "sflTc1y2/tiYfoj5SEOCOkIMYH9cjXCu61UHUnVjVkYM4IqcfyHdY7qSsO6iFkGQpCDk7P"
    "769+v+xKyeh6K1PIPD/UFQtAM4O3FOiUVJWxO8DTowJiZqzm20hm9G0JDAuCGsbhFdvtC6"
    "I9Z1yKRFtU2iJs/1dc7VJFvCCn85wLwXv0jRFXDpFANi+2PWCPBgIsTwVnJ7b8+ZQT1WdT"
    "n88mvlirg8aSUvOFwuqp+0eHdSzXw3LT9TCviaaBawq4mlh3EkARU75yLbmzUjrZUDuNFX"
    "cfaqfxj7jqZU7jbLmx0H8mmUKXE9NHaHW+dtpLmYVYOlf7NjXVMKFdm6ed21yZHO1buuFv"
    "r87vq5K0U7gHeMP6q0nUwm2gUmp8p3VXM5hVRYJEmNaJAolXsl6qesShxbEYPBcmDGhwJw"
    "Dy2IQRC9pAnr8qhArxEszoUPbvF0TegtO9HMZtzv2AecQEIZPAAfTXgalLsU3FZ7wi4JmO"
    "tzF4ZNGQDstJRMvHuIn56w+83iovwjqlCCJMhd0HnMReeO5iFKbKQ4onJAh4aMLCMVgUCq"
    "I7wgLhvCy6hn13NpbQlYruX9EOnU7Pnxg+LmF+I2B0wdZ+hWLkVqkusZ8T+6Fp/XhnF+Bb"
    "V8Nyuwxk96EWrZGQw/CKbs+5X4eHOijnoQ4KPNRQwoM6dkfo2KBdb+22Y4MaEtqay5bnsm"
    "PMZlRLpZp+E7hTouoh3gmjndL1pV6PWbFWwO5Rovf7Oki/Lwf6fannQJPcqtCdtfqeU9NV"
    "kupMiWias5rmjImBjSnOYqbQMOFdS3WmNpc0zdklhXdm+6Zr41MzjFASkHi5EaMqGm8cjj"
    "VgOFiCyFtA35y+YdUYQSTMSbGIrQrznHjRRttnmUomsl/QG3oc0C1LAB/Pqt9csYv0RMgt"
    "Xft3eMA2AY5rsiZKi6ntMEkQD6aXoEMvsl3Mmyv5C04h8uy2qJ3SE88TQ4BvW12Upy9n3q"
    "iCX6O7RbInxEpCuYI87RshGNHHxHuWwTcloqBB3X7NIx52zH+bBMOZFVKGMGo3zJKYsHGc"
    "ZUpWB1r2J4KiaFNoS7L8oVLLkpSotpBi4kP1b9NGsLG+Hc42wL2wk1CEHGoVdswK1xp2TH"
    "pJ69Wk4HZDyhQgATURfJcFDIQWwAcw+6+f/ouvDTM+mLWRskcEhT9bmlTo4Ycrqy58xWuf"
    "fq9sDlllbQd62oCc0XD17Nc1MVIiytlwndT5jA4kWe41I7XBOTEc9VciTj8golKplWUMYx"
    "FdwFCigCFTvokRvl4lDt282PbO3oOBHLwTDyGDN5uXtZyykto+1vaxto93bx9nlKrQhJB8"
    "4WeltL+12t+aMtM2dLkWvXnDxHetwzW7wTZILbHxi2ubLbE6V+FkCuG+DVYnRq2c1Unhup"
    "7VSa9oHVInukfMtbwigKojMwL2I+NwFHuC2XKy0p3YchevuS+ZZW5w/7I5pZgBMnUXRETx"
    "dHEL7VDuwaE+qiB3+kBHFE8VxfgI7Vbu3K0cphMYBPqil+TaPIREUCXOcsv5CAwgY2ZjV2"
    "BgV61AVk4vgE4I6W1CCCv7anvICvvxebOw37METVc+gUr7vjXODn2fU7RIAzYnK6kgmzMQ"
    "9qYWacfDYg1e3V92nXOi21nonvTaHtw6R0EEVgM1rSCqTBDgtpWEhm+uHb6whhKFybpD2n"
    "6j7V0QVQbdbW/vGMgGhkhRVq9Cs1XgMcXmFDG6sGlIclZce137/GLXXtfyB1Bhr2tIBBse"
    "msh6XguS2vvarxi2fsUMduPQXm3CFp3ayoXMj/JO7cKzu4Fjm94JE2iWGCMNnNv3qwkVWg"
    "OBg7twUhThu8Ho3qX/qrmDN0iA78PhsD79PXM21tm0bcQNpDdkeexAbtuujx/IPzh1YghS"
    "MszJz9pxQgyiSIRXBCR+fkgAU8EBQQizTqKJZ18UNtDSrMLUEHsVUuF/Z104dfBAn4IH+J"
    "oUcK7ou/m9zUz0XSv2GUfTyXENT9PJcamriV3KKoAv0KHPgzyVlJVTya20ZRJjzMKdjClV"
    "A6cy1TjzYo1WoGdcRRcVOaVKvCUCW+xS+GlrPQrf16k3Vl5uLH9yMHwiskQiWycltcWEnd"
    "0YjS3m67gBVchEYJdv5pSIenUKW97LE9tj5SmoytiAXCwIK8gvDoRP1DSyppFLVj0y8iSZ"
    "zqyUpo+ruc6UId0Oz6leEskoRxdlN1ivCiZ+gUuqQ+wJ6KToyqiKQprzMTJ1EW1/alFsoA"
    "MmnjtL1Sp8xaoUviAcsNKGDoVnFKWDIA8B2wdsM1mkQBq1MekD3n8kyHthSTRvo5/0lsuT"
    "x9c1c0++5d4bMcOkKaWdUUoemiAWkCylUGeElCuRcVwnI+W4PCHluJCPMpR+DcpRShMkss"
    "orUI8EdBySzoho6TRpOSOij711dpg92Hpe29xzX2xLVLOkHOG0jII7uH2QxxA/Szd5yQgp"
    "CPNhHbXjsFztOCyoHRwx/ocszLGQgjB3knAcF57AwWwsd3YUJRXEvP2tncAmubvzckqCXQ"
    "/tKrgLeLM8SkSY5T4WF8Sv6iZdENW1/rLoWsik+kMDbAuCGtlcJQhXzu8dj1fPT9hJPzO2"
    "/wj9WoYszgVBDXgtwHWHRN0hsS+Id7LB6etsNqdnAjaXsl0SBaLKcdNdKnd0SvyEvLlni7"
    "jqKm+AUFxB1br9oNOYOjIa+WHE0uqdNJ3Y7ARh5ofkrdxlEvMLcso4C9oLN2VpH/JBRSkx"
    "nX7c57gxni+OPE+U8F9+WmWl1DulOtGHdIheOfrqhujFvI78qmcl9THa52PUdGdzFuLW6O"
    "nOyeqV7vNKB3Or4SmeldSneI+XPUkcr9lFsPuI1Tvk+xT7EEFh5GoyYrQ+gtUg6cFrI1nv"
    "0wGm4QwgnuED74PtuYsRmEELsexknjvC8pPxEyqmPW86Wct10ct7sdVsBhSdtf1lnVqxCM"
    "vDTncSZtOzF1znJbrZ0RQ9uv6UHmtT1xG1FKsKQi2bQqEk2y2HSHJIGwVAFSXVewo6iBRJ"
    "UJOOFSlIqod3N9FQDLgNQqLE4uqB39FmbxwbJRJWEfUOXGjawCtHXxt4HRh4t4jNcYuYz7"
    "us1lVhzKjKyPP4aMNLhte088K7EEBnduy4RfnYdpy34HFVAuzxA884ZJ/HDa9YbuGC/Zel"
    "JoJ9+ukZu8r+Kth/XdzkAQcERRO/HoHF1CUITCjMwEOTAFv0P37gYcLmnOnuWv0J76vorq"
    "UT7XTiV0/0jJYTv3RglA6M6u1e7yAwarflmHtmwbQTDB/qM42slJyo9jb2xyoR+JV1zIhi"
    "xmidmBFm9UgelykRXdCpcFgSqjdJv4FyYhrW6jpZMVxFiKULZd2mphomtGtLZOU2V0mNrP"
    "yh0AK2Z9E0iuKaOgd7VXcsJKfufPrSet4rJfii66Ma5B7hQ2sSe3/wAmCMUJu52J86SxCK"
    "A8RKXvP2EFFtMDBxvTAII9qgxQCOTSfT1FsPDvJRBfVGkl1YN48iEdAJFIU+vOFDQTVxf+"
    "q5wdNUrMiLgRUKV+nySllrTBXPofnk0eMQCU6BX+9ursUYpkTyyNmmD/4DHJt0tktTx8E4"
    "sB3fxuQtu+0uTgQGUcYAikmb/c+nf+b5nPNPN2f5o4NNcNZ73boPDXXa0Kxl9JQ6WrhkS6"
    "NNdPA+LMFGGvj56d356cVlmz2NIu/kOesF/FSuAcYDaqiAxDBXY2tVo/XcBZgjLwq//QCm"
    "9O8YBgIQ9DCIpi5qfQ3kdaRuvyJ1QzXNoPuJ/npR+GhVj4ui8BZbXSSfDLbXxdxDsUcjMu"
    "DGc4ktXiau9e080L6NPEEOeLl+mAj0Qztk91NGO9SxdOX7fpjui57H0kWNOD9ThcPNahTC"
    "AZVaVnzgzvjYekxb+fLXKamfVt6jWr+6qP5uuTBdRHgL6U19rIQteFt/uby+uLr+2NUGzq"
    "dz1MrmqEjmKFbJ8YN5s+pEAlHlws7a7xURoibX5zUto17CRic5Srrw1s6iKscexFLbOxFQ"
    "D+CjOvgelcN7VECXVVk6lkE3EVAP3TpRqeVBqYWYVPR9bnDvdRHeuxl0nFIiJiOoUOr00e"
    "HPJwn1wv6oYl3uPp9++iRwdVJslggKdOX1mMZyGlId/6k0gVIn/hNSo/ml4brnZXV8d3+Y"
    "suJKe2jmvjQM409L6lXu9yr3LUiiv4urA5B3H/6w62DZL5FNfh4Q351xsrxI5OfHjCq5/N"
    "jKN6PhNQNnT5P4BgAJgCAWB+6E/hXPCvbv6KLM0euwfhkLkViJYSsZV4yq6GB+gaMh61lI"
    "6Ol/6LBb7Wro2fHVtashfsAkadmcmIpQd0HNohm0BUkr5TgnAgoifPiuDolFR5UzsO8KRJ"
    "ZsZSjdLU+O4SZLqig2sc8ygpp+6bG9Fn17Tbqpu+p1SDdtpGsjfcvQDtpIP6UP0xwumarB"
    "/R0FCz07YFRlnsNwqGHysTVtc5aRwOvD+S6gz6ODTB8EmJnLENBvbfEUBboOyAKLKcLAJi"
    "RA1ojVguMfHozAETeffwYWXJKCbd7y/A8YTnwqzBJnw6LmUWvBX9hHOEyoDacFcxgQ1EkS"
    "hTbb28+W1cFr3QevNejuphu7VeVJ8CPIYEdQI01XIK59UP2xaYrqLUbf/bjXYYP1FohvZb"
    "17krw7uOXmHfqatpgWCqsXU9Z+n+k0cE0BVxPrTjoq6sqSbam3mvz6sckvnaip2qrXIbp1"
    "nclWj86IvZFENCulQa3mjyO0WqCPI3ry82rCYeK7lkTObrD+V5ocRPWgvtaZzO3qclo+te"
    "/X8/LRFpIOmntFwkqQFHHAIGUBa77LGroACEgwTsToQIYoYVFw/hTRyx6KCfUCMd/y/A+Y"
    "N5Rh/PvCZZ1pwgH0TOLdaX6hd3txn9ktnhGa88u8EtL+7eXvN79dXrwecZafuMByEb0Dfs"
    "AMtxn0bTNk8kHI/IdsWeQfIGD/y+nXOypek+b/tpf+QUxGlwjohwPADTzJdOpEQsEwnPZj"
    "9rKFOBpa+xlhbfTnjP7w7Czieo++l3hXUiJKbOIqs+7yz/uMRVcojZRYdZ9urj/Gw/P1ko"
    "SQN2NacrIKWt3DtbKL5MpAPMSn5/dXv1929e7t2kGM6E9r8iyl5bQHs8+PkWamyx+uYXKU"
    "OixzZxpf2paUhFYgquGtZi3zlvuGzNoXB+K73JTDhHktzybYbDUYTB1lLIPxplHGqVf0Kn"
    "43C/tZJPi3326RA+M9W0nMr+KGFYH9ry55X0a23wZ4T0D4xpdGVUwv57O9oG6n8FMwp2fQ"
    "K8JykW3XGnF2FVnApc9S2Lk7XA2wz8aNomGvgU3AYgp9MIPPjCoFBFGYLOCFXy/H8rZ9iw"
    "fsToDtjwAxp8gK+GQeGC/BFGI6/4TuFzovlWdJ1jZdPapUsURsdmNG/8InuprlOdbsa/Bd"
    "zb9IIbv6W04NtS3N3O6YuY1WSmhNlLCJicSGXXh6emiJABa04THFvdlLQ7HN7fdlH0octu"
    "/6UOBtrWpzn4gog+aWW9xHkZYyyQRpEWVgb20Tv0ATSh0IKwENphBMc2k0OBkKosqgu+UT"
    "wgw8Vgt4KUPap2WUcInlouXrBMuXx8rn+Xp666cn5FF1eCxAuVzXzctpV26hlr7XjCXPSi"
    "rIkg+EFa/lDKHGqk2mDVP3MqLa6dXnddZOr/LXk7pOL0YlycY5rUS0N6baGxMTdS3EN9Pv"
    "/iWabZjIrnUOpPbVBo4BCtSmboGIxv5EZ1II7m04BThk5Y6BGNH1zgEjWcb1HoI/GAcPGe"
    "0OQq+QBfZdD9C3kmXTVXvNSfbY8zRiRLyDJj4IiYERmNAP3PB7ZbwC7Uz7gNN+xbCGKmd2"
    "PwDbJ8Bd4MTr4IYVW9i0Y0TFEdiHfOXeBHPui2CXH7BrmsGc2d7MYeCzLxlOwNwRz/SYx8"
    "3DvGN/wgh8S/HPz1RG0oFQxRwo1kN3K3SBdiy07ljgu7oAWznnEo9XkG9pP0QyrnJVk6ON"
    "h2+PQ+z+XGiNpIUzsQus6oxdyagE6ZaZWeyKsj8rCt5G49UrqXFUq6TGUUVJjSNBR7ddpY"
    "T3DOp2yNidB6+qiWogS46sJDQ3ogOBtwkv/TWyT39KRMO5pppw0BaRFwVIDhPU9RG+gZDD"
    "Oz+9Oz+9uNwrPRBaAFfHqq+JVWePews4f42mURTb1KHY2/j/fipbLYX/765AzEBh7WuFmL"
    "TbqsQpkPJqVTsF6ECDOYgkCsOwKCleroWz94wtZ482+RAG7e8zrj0MpPLB3LNNVqWFE/AO"
    "qz/jF/wBm0/5gB9Tv/kLG/AIbMxcBSZ6PQJTd0GnpACAfRNS49uCXsTtE3rVxfQutjllJd"
    "5D6h894PDyKxLVeef9oqP6M08ucAN/FFaM54VmKFYOsNj+gTz/IPxeYIJQbY+BTizYiZZf"
    "zv/rrkzddmXiZytHSQLkjJCSSNcCugLnYrM8HQXbbRQsvQnyXkRh3uUIp2UURLh9v1esqd"
    "BXtIT7KyelksumNS8YVVsMWa9iSkRjKsB07rmesMLpmes6COKS+IGVVA7VMRXrCtbkk+1q"
    "Zmc3N5/YzEkk59lVvuLW189nl/SY4KcEHWT7Je5EpmsbVNc2qM5uMiN4PJfYzCXSjfZ1z8"
    "zctrd1AtXEZr+muLsrHOdFWYUQ3rL/PMHyiQ6SPr1LpBVajvY3PNNu4Hzu2CaPcG0Et2gO"
    "ZXL7Wu5pJR98l5f7oUPwoGdO7ZdGKSc5UZ1ZNITMIrn0y6yU9k/r7jm1D3t107V09xzVVl"
    "1wgibZOgVP3brkp7is1sa5TwNc/9K8pyzlYZttpIelfXiqYpUOMtkQMoVDczpPq8tstWo3"
    "erId6/nSjdXTsN6jfj9FSZk87tqeeO4MwDj5zMUf6B/mFOInBHxeEA9NJqyROR/HnM2ssW"
    "uS7AbDbJqMh739WzxgBD3HRh5ro8I7uCyjvizRHaY28V1vub7UXngnanIY7GaFkns6O66X"
    "2XG5VROqTOJ1KEr+2Ka6TkLaEYkqTmf/9e7muoTIiwXy+9WmB+V/gGOTATKmFTAyJDJqfK"
    "FlSr47Sk4/ZxMUWqbslrEYDvqasPiBTVddX2bXWSm6vkwL9WWS3JTdRElfBBjTn3cXVQrf"
    "E5h4+SGjKgvPCgcbJD26lnmHWDMo9CqsSuKhGVtPj4UbE7DPi524i9cjFrBMkTRRFIMMLD"
    "R3XN757hURmnSbT/uAH28vP19dX1zeGhen//fO+B+PvL4KekHekoc7x1LhvWqGM0sZbT+K"
    "xbahi7TcFmMLboSFbWT02ZzYRlptT0+uram1HEveIVZ6BRIpvQAbLEDshJGzK7JS2q4QY6"
    "pdYqrYFS24xLpU2D4x0hAJFbX4UqWCFodaSRDv+I0/TZK1mK4DY6KcKT+jqL84o7Zhog5F"
    "5eXSDWyE6llLcz/g/XB8KnjsddQaB0FzyuvaTelFhHkxO57uxhS4KOWNzfRPd8zq7ZFyOj"
    "7OB03dRHPxfWIuy/W/9JLV165zUioxybpC2DC3uKY01VU96lCaOytc1rc1bkd/Z0HnDSDN"
    "iWlYq5ni7RbS6CmkLVTSEO1cjes6XHMPa6+qlBRi0wR2nSh+rdzA446GQvRcnaIlrJpIUm"
    "18vIxMsTC+6ZF3zTGYTvA4oiN92wGPCFvhJ2DfxqYTEPsFvQ6LhdOZ7CIh38E9HnAQFzkf"
    "I+sDuLy+uLr+GElT0w2P2EeXF4BziLVLjcS+LcboByQsSh5XsEp/pkuS7OQFXm7oRYtTQL"
    "q8zsBKYntVBvZOz++vfr/sCtquKw2sHlSx6VEKdErqh45oi081GfjSMhuCNxwqXtSUVyd0"
    "6fgoTSbohC696sVVL/Ne6ai47lzAuvS1DjLcCrItNLHTFZnbr8hcJzd2BjF7GW6YyXhKT/"
    "U5XH4OJ1MI9My+zHTg2ziZWDdSrM9G/uqOWfq1gIOMroyqmMd/umMjzgFfzzfeYATiKGEr"
    "Dr6IGxcC4rg+i8r1pzaJ4mo/AA/Nua0B6FNovyDPRiQOvSVRZdkM3dj+LR7wDBFCwQPQQ8"
    "BkXmwWnYItQJ7t+RxZKWYSXFD17RcAKQC2E9DhzwjNCY9eQZ5Hv8QUsS6LvJLyLbKogEVV"
    "zjf0fPGRB+gmDGIR7AIGJmKLXNpf8RvDn9OT9HdtFpaiWcm2WcloaepSktFwBauenhzX4C"
    "JPjku5SHYpx0Wy7V7Attp6jWUUtFuHa6cW6YmBcPm3X6+vr64/bonMP6lD5udXLUXmnxTa"
    "ZSZvuiLS5eVtM0K6RF8hKo6+xGdzXwbStIgGtAAoL4kgqqhaDmhKRAOaB5TroEU079H3Ej"
    "gTARVajFa9Ji//vM+8IQu5N8lb8tPN9cd4eD4hR+AxbcS0ZyUV1FgGyrTX8a9MbGyTaaNl"
    "z4nqGqN9U1R7kg90SpUwc7onoGyiK6MqygauxqwjbMoXVuc69yvXmerlRJjnUm43pUQUJB"
    "0O372rYTTRUeU9g9i1nEI6F3RQKEc4Gq4guge1Ol8dVHS+Oih2vqJ39IWNLcszxVMiOk1c"
    "Mk18py+zv/4/FGB5ag=="
)
