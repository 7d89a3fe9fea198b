from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "webhook_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "provider" VARCHAR(16) NOT NULL,
    "event_id" VARCHAR(200) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "reference" VARCHAR(100),
    "payload" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "error" TEXT,
    "received_at" TIMESTAMPTZ NOT NULL,
    "processed_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_webhook_eve_provide_466200" UNIQUE ("provider", "event_id")
);
CREATE INDEX IF NOT EXISTS "idx_webhook_eve_status_051737" ON "webhook_events" ("status");
COMMENT ON TABLE "webhook_events" IS 'The estate''s inbox of provider events: stored before we answer 200, applied by a';
        CREATE TABLE IF NOT EXISTS "gateway_configs" (
    "id" UUID NOT NULL PRIMARY KEY,
    "provider" VARCHAR(16) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "credentials_encrypted" TEXT NOT NULL,
    "api_base_url" VARCHAR(500),
    "is_active" BOOL NOT NULL,
    "is_default" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "gateway_configs" IS 'An estate''s settings for one provider. Credentials are stored encrypted.';
        ALTER TABLE "payments" ADD "provider_reference" VARCHAR(100);
        ALTER TABLE "payments" ADD "checkout_url" VARCHAR(1000);
        ALTER TABLE "payments" ADD "client_secret" VARCHAR(300);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "payments" DROP COLUMN "provider_reference";
        ALTER TABLE "payments" DROP COLUMN "checkout_url";
        ALTER TABLE "payments" DROP COLUMN "client_secret";
        DROP TABLE IF EXISTS "gateway_configs";
        DROP TABLE IF EXISTS "webhook_events";"""


MODELS_STATE = (
    "eJztXVtv2zgW/iuCX7YDZIPUidPsYLGA47htpq1dpG47mE4h0BJtay2LGl2Sejv570tKpk"
    "VRF4uy5MgKX3IheWj549HhufHwZ8eDFrC8048OsqHjrTu/Kj87FlhB/Eei70TpANuOekiD"
    "B6ZmMNgORxnQDcZNXc8Bmod7ZsB0IW7Soas5hu0ZyMKtlm+apBFpeKBhzaMm3zL+8qHqoT"
    "n0FtDBHd++42bD0uEPPPnmX3upzgxo6rEHNnTy2UG76q3toO3z59ub18FI8nFTVUOmv7Ki"
    "0fbaWyBrO9z3Df2U0JC+ObSgAzyoM1+DPOXmO9Om8Ilxg+f4cPuoetSgwxnwTQJG598z39"
    "IIBkrwSeTHxX82j8YMU9XReKJ+Gk5UtSOAnYYsgrtheQSon4/hvBEgQWuHfMDgbf/uxfnl"
    "LwEEyPXmTtAZwNV5DAiBB0LSAPQI5eB3AufBAjjpONPxHNL4QctgTBsikCMGo/BRgGqAtL"
    "MCP1QTWnNvgf/tnp3lYPylfxfAjEcFOCP8RoQvy2jT1Q37CN4RvkDX8WK4IhAzJIdDuVMX"
    "28Yx7hXCuJeDcS+JseZAgoYKvCTMN7jHM1YwHeo4JYe2viE9pX8cI4fjL6iPLXO9kV854E"
    "9uPww/TfofPpKPW7nuX2aAX38yJD3doHXNtb645NZpO4ny9XbyViH/Kn+MR0NeMm3HTf7o"
    "kGcCvodUCz2omPkjUUtbKWqPZLOYLRlBRhqmQFs+AEdXYz0Re+C18FJewOsN2et3d9AEAb"
    "BJHtjsmp/xFEe4+o+U32kr5QICG+qiLCCTXavuim8BFpgHX4l8NvkkFqsUzYNimK11bBeq"
    "WoXjG1VnAqUHrxU0O9+lFtIkLSRcFIE9ckvQQj3kZaE98mXOHvlS7pHPd49kV50KPlVMjH"
    "FkVcqzZuyIJcRXQvVIopyE+DVyoDG33sF1APQtfhZgaWkGVIp5fpzQJpQN3OyAh+3WyjMX"
    "xkCHJvQCFO4ww9/dDiadxyKKHdI038Z4btwU5dW78WaiNsEekwNTwzT3xOgaT1EAns2KNx"
    "6dOjXgiJ1S1OAYr2XrwhxvV60RY9lm6DD8TKJ2S4W4WQqxVNeeo7pG30pBdY0jk+oaZ/sQ"
    "AScIKUMi4czXftmtZE/t946Z6jih3an9cu9qTPsd9D8N+jfDToJ5K4C2ZR5MHlbmfRU2KO"
    "pUBbccnaIJstyerQhShpGR2JarfL4LHdFdKiI5LN6N3KOku/M56s+lQoLSc1TUc/QATLyX"
    "7onS12CStkJ0OOfaUcJjg/WK6i/lEfoYztImkOrUO/u+bnhDy3NSfZBMb67uCcg41UTzZu"
    "me18b81vIEtE8jyTib7aSxahB+WPzrn//qds/PX3XPzi+vehevXvWuzq7w2OB5k12vcrby"
    "69s3t6NJfGcmDfk6KV5uJKqUsjR7aKXNDCTsqZYCjUq5wsmAWoZcbEOmw+VFgUSHy4vMPA"
    "fSFQcYTf8LNS8ESQBljkxCXRzqNOGwE+hU6SBhToN5CmfISWHm3z6NR+kYRxS89WponvK3"
    "YhpuET3qeAQwgSJmoVI8X3zo/85DPXg/vuYlNZngmhfVMw86IrBvCSTq5VGXfptsQfNs/T"
    "a1Gkqahvx0/zztOskzkUyoz6GjgnBsLbkaGtIDftV8x4HE1SRzNRrluKfrU1QHouNbqP5c"
    "FclcvspOXL5K5C0v8fcSAZeObyG4590C4J53M8ElXdxuSyWKCPcyNG0EuQjG2RAntHdg0r"
    "h8cR8WQ7TbkVUVwmd1wXtAR1aE+2KDa3HQKYVEvBziwDSxzmfBOfCM+zSGR8iEwMqwnRLE"
    "3DJMMXVd67BtOazGcT0ev4/p59e3HMijzx+uh3cvXgbiBg8yvAzspdWU/TI8W6uJEYaINC"
    "XfSIHw21sUMs+RrX6xACVeFjzJvgHKcJY2gSRkd/MpA9loji04QfhHhXkDzfSapSMq4JwI"
    "3roUzwR9G3e6JbZvfnOCt9L/ULX/Aayom6q4thvRHE7fbUm0PALe9YDnC5V2iSgOWNmlP5"
    "jcfhnWxdPc2fXLIkfXeaWJObl+yVvQhg5XNvKIy0FdQiFXRQppNbA/bWZI/UWLHDiDxMkj"
    "5NaMEZXCuWG7uKzKIA23Wo75bYJFwnlVLJU8lZZ/Kg1Ewbs9T04xYcDjBHbn4ak4ZzXq/N"
    "RvyHcsYGZmssb6TwpYRBCPlGUtW28TSa3x8FrjDH8+dGzHSBO72XhzZC2MKVafFCij4jVG"
    "xdnHEsCYI5OlW4uUbm2spfl0slkamtLQjI07QIRQhsCqCIEJ2jYUrrQq/RGSOy0adu1qNW"
    "m+sUY1Ixa+y8N7zTy8J+NCTxMXkmmVB0qrVDMO6RRIrlSzjutIRhdgdKlVPhOtUoYvdumO"
    "pRyYEajELy1appulkYDmx4MgjRDsGQ3iAw7Hie3OkBDLWhkBoRSRIKNtxx1t2+RbphikUS"
    "Zmtj3KlIqqs1y1PAbZzJCbtHrqtnpsw1IXwF2IIMzStC8pq9vrFYlj9nrZcUzSx8UxgWFi"
    "04QgBzwPruy02mWZ9mUGdWuOlXVfXry6uDq/vNhaltuWPIMyaTyaSFtioPBWaKRc/ZRvPv"
    "K0FRiQDePzI7EXKSa5BuPMQf+DKbHU3COBEZE8CihwFDCETXUgcMXC1wnC9u0W8vJR6QMr"
    "INPkTR1PWB+xWa7FI62EnuMHk7d1dAR8NXm3dZRz1hTwmdHzsfV7zJrA3jX4y/bygQWluF"
    "M8YLREd7b/a1sHvOYsjJgzjEnDOFG+dXRMTDSGQE0MDxuKpWdIv1jVfjHLX03TgtTZqnhE"
    "0cLE80J55zlp57z+7RmeKZQ9uiVoocOxlrz+3HzoCfyR4QhrXz50nv0y/H0SM10SxVC35s"
    "v78egNHc5XSOVYey1WxZqObyVjVy03ZHbcUxUKC0BUbSCaHcoRtsajLrMTn1q6VByna2Jd"
    "kKRq/XE4urkdvVH7g3ej8df3w5s3H4Yh9xxAnBc5EdfNPhHXTZyIYw2fpBM2Q0NhaPLcr0"
    "fI3znwEvdpwu22tNBDcJ6gjCM7hVwG5JockNMN1/Y9mBklylHqE5RtCBMdWrGPUHQxssKG"
    "VSq1XAfxddCIZ9Us8RokCCX6JdCXkdNnGDn1bb3kqscp5ao3ZdVTVI5EjV0ZL68lXs5ce1"
    "8UUoZE3s4oQ+UHDpXzzFsBtp830xwlx+6ElXldhbMPnu4O5iMBu9byDiRhYEA81kEYPzWf"
    "gHaf7EorUDVm5K7sApJAojjoQbGho0DiWoT46y6gYgLXU8h0ShhhVhYAr4euIN87VSZgiS"
    "Hc9LhKqGy5mM4IuIYFufIP+NMisxkWkSDBRIGCT0bjb2q54R24J4qLttQLcA8VCylzYLsK"
    "chTdt01DIxOedk6KpFEIJUU8l4IVe+b2Z+dAEMZQsxIh8mI+HKGM+RSP+QgUAqq1ys1m00"
    "irchPtJ9nij926njCxarpJ/ypd90YmVlWdWPVEteMaJrljcbWLImkSF9lpEheJNAnbd/Cy"
    "CEHMkLQwVlx9JortoHssd4RSBFmaFoJc/TUSMt1Hpps0hbsrTjeZQcH7RTcEUpluz7U/bc"
    "robkDtdt5/1SAVr6YLf/D3xJZ2yRLuGeRtCIrXXcmdlIvwHaiKXiLP07UP6+oLu1PMVtB1"
    "wbwU3Axp+xCvq8K7T5zAahkNPIVYai3ltBZqMaql3Cbp1O17Beopvr+A2hL5nuo7KZVucs"
    "wgjq6VcBfEOxfwJOKmQULRLtSctJuIcyDnCduH+XkhyM9zED+XVVDan9VVJJdPQyubJCSU"
    "WneOVp4YaE76XnKlgyQEsbAWQyITzXidWGZDyvy9ZiWaiefv0ZD4ntjSwipHKQh2wspIwW"
    "aVeobTBULL4X1Gbkas/yS37HM4UoX3hdM0OpMF3CSO/cNVDGuKfihoplAjUwmn+lVxPcxM"
    "ujKFM/xbeYAKsNwH3N89w7Y5fiKsrOPetQI63JpV/gF/Wg/IWRLKH/iLmWsFYZ5WXoTcGO"
    "TBxedWDP2XrEy0b7HobTCccIgsZ92o7BIZlT9AVH7L/AIgszQtBLmW+A6tDFMUYzq+hfjW"
    "4uFr7DWmbQPaBmsTgRR58dun8ShDKEckvI/B0Dzlb8U03CNW7NPAJWDEPAuJ47r8yVxufy"
    "QT8Md1jyLtAevVg+Htl+FNXcpG7Xlq4jcOyGsGkkcRGBXDcVCKEpd9tn9L0AaRfOgz/Q7U"
    "oHFfyiHMkcpIQFMcxEUiAdjy0aDrllp4nlZGApocCZCRvufyfjfkANkIecaMnO0MVyPhqY"
    "z1n+R5Ki1mZP3nyaT/7kn9d74LHdHSGBFJvbG147hFgpX6S/zwIqYfHd9CB1L1Z+xkCfO6"
    "/Z9TpKecI8i2Ael4WbS8hAUIyll/QOr/Uv+X+r/U/zn9/w1mgAewHiBrZsw7KQZAfECuBT"
    "APh5K0DTy2YLJC34pSCVzokbo0rjJDjoIsuA37nyoDB5L8GQNPogAH0twCaGnO2sY8HKQD"
    "xJIUqpxY2iON0Jibnk/QoIOM1cdOSGFkE7/dwf8CMPN0LdSq6znXEgkmdSuNRNTszAlasQ"
    "KH1ryBbahT4ELRY0Y8XRviXgc42Gi4KilMd59WfCHvYusY3QHvtqaS/mivtsbA0ScXRpwh"
    "lNeJC2Aurb1sEdMua0/WaG/zqqe4drYFcBtg4/ehY2iLTopxv+k5ybPqQTSmMQE9WTJ2z5"
    "Kx99BxUy/GyVZkGZJWGBBcYKTXKxIY6fWyAyOkj7cZbDFTwW4puvUYyMjyUg8gZmcrMyQy"
    "W1kwW/lJN7PH/wNGJfyV"
)
