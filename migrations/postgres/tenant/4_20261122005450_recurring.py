from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "recurring_payments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "frequency" VARCHAR(10) NOT NULL,
    "bill_type" VARCHAR(20),
    "status" VARCHAR(10) NOT NULL,
    "start_date" DATE NOT NULL,
    "next_run_date" DATE NOT NULL,
    "next_attempt_at" TIMESTAMPTZ,
    "failure_count" INT NOT NULL,
    "max_failures" INT NOT NULL,
    "last_run_at" TIMESTAMPTZ,
    "last_failure_code" VARCHAR(32),
    "last_failure" VARCHAR(500),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_recurring_p_status_ab0299" ON "recurring_payments" ("status", "next_run_date");
CREATE INDEX IF NOT EXISTS "idx_recurring_p_created_d70ae2" ON "recurring_payments" ("created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_recurring_p_residen_9b4dd6" ON "recurring_payments" ("resident_id", "created_at");
COMMENT ON TABLE "recurring_payments" IS 'A resident''s standing instruction to pay from their wallet on a schedule: their';
        CREATE TABLE IF NOT EXISTS "recurring_runs" (
    "id" UUID NOT NULL PRIMARY KEY,
    "period_date" DATE NOT NULL,
    "attempt" INT NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "failure_code" VARCHAR(32),
    "failure_message" VARCHAR(500),
    "settled_key" VARCHAR(80) UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "plan_id" UUID NOT NULL REFERENCES "recurring_payments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_recurring_r_plan_id_92a6c7" UNIQUE ("plan_id", "period_date", "attempt")
);
COMMENT ON TABLE "recurring_runs" IS 'One attempt to pay one period of a plan, inserted before any money moves. A';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "recurring_payments";
        DROP TABLE IF EXISTS "recurring_runs";"""


MODELS_STATE = (
    "eJztXWtz2zYW/SsYfWk6o/XE8iPe7s7OyI6auk3sjKOknSYdGiIhiWsKYPmw423z3xcACZ"
    "EEHyZkUqZofPGDwIWog0vwPg4u/hoECEMc7L33iIu84H7wA/hrgOEK0T9ybUMwgK6btLAL"
    "AZw5vLMb9bKRz/vN/MCDZkBb5tDxEb1kId/0bDewCaZXceg47CIxaUcbL5JLIbb/DJERkA"
    "UKlsijDZ//oJdtbKGvdPD4X/fGmNvIsTI3bFvss/l1I7h3+bWPH89f/8h7so+bGSZxwhVO"
    "erv3wZLgdfcwtK09JsPaFggjDwbISn0NdpfxdxaXojumFwIvROtbtZILFprD0GFgDP49D7"
    "HJMAD8k9iPw//Et5bqZhgXl1Pjw2RqGAMF7EyCGe42DhhQf32Lxk0A4VcH7APOfhpfvTg4"
    "/p5DQPxg4fFGDtfgGxeEAYxEOegJyvx3DuezJfSKcRb9JaTpjW6CsbiQgJwomIBPANQCpI"
    "MV/Go4CC+CJf139PJlBcafxlccZtqL40zoExE9LBdx0yhqY3gn+ELLopPhq0CcEtkeyoO2"
    "1DaL8VEtjI8qMD7KY2x6iKFhwCAP82vaEtgrVAx1VlJC24pF98Qfu6jh9Atal9i5j9evCv"
    "Cn5+8mH6bjd+/Zx618/0+H4zeeTljLiF+9l66+OJbmaT0I+PV8+hNg/4LfLy8m8sq07jf9"
    "fcDuCYYBMTC5M6jyJ0utuCpQ+8ZeFvOb1ELGLsygeXMHPcvItCTqQeciKHgAT2OxH3+5Qg"
    "7kwOZ1IH5rfqRD7ODsfxP6Lq4KLWCwkREpAzLftBqt5CsQwwX/Suyz2SelsSqwPASG5VbH"
    "eqKaNTg+C3OGGz10rpAz+ENbIV2yQqJJUXhHrgV6aIfs13pH7le8I/f1O/L5viPTsy4WPk"
    "NtGZPEmlzPuvFG3GD5ypkeeZTzEP9IPGQv8C/ongN9Tu8FYrPIgSpwz3cT2pyxQS978G79"
    "apWVi2JgIQcFHIUrqvBX52fTwbc6hh0xzdCleMZhis3Nu8t4oD7BnlkHZrbjPBKjUzpEDX"
    "jiGe88Om1awIk6FZjBGV0rt4Ul3W7aIqZrm22h6DOZ2a0N4m4ZxNpce47mmngqFc01SUyb"
    "a5LvwxY4RUhTIhrOaus3/Sp5pPV7lRpqN6F90PqVntWM9Xs2/nA2fj0Z5JS3AWh7FsGUYU"
    "09r8oORZum4FqjCyzBtLaXG4JCYXQmtucmX+gjT/UtlYhsF+9OvqN0uPM52s8bpQR15Khu"
    "5OgOOvRd+kiUfuWD9BWi7QXXdhIeF96vhP2yOULvo1H6CpKHzNBjwxjNwHUlxushbm3a6+"
    "PQsoMJDrzC2G2qtdJmh6yf4ZBFt2z2U3txjgMFq93OK078Gu6s+Uhvlv76xz9Ho4ODV6OX"
    "B8cnR4evXh2dvDyhffn95pteVZhAp+dvzi+mWYuGXai25el0E1VjPi3zCGu+mwmYR5rz0B"
    "TLXW0SpVmyQPaBIXJ8WIMgcnxYyg9hTVmAyey/yAwikBRQlsQ01PWhLlocHgS6cHXQMBfB"
    "PENz4hUo888fLi+KMU4kZK/fNgPwN3Bsv44dtTsLMIMi49kLPF+8G/8mQ3329vJUXqnZAK"
    "fyUj0PkKcC+1pAo7456jreVb7QPNt4V6uOkmmSsDivIZqGVS6Sg6wF8gwY9W2F42ISi+sr"
    "84QRC9FpjkunEh5ifuraQKJ/D82fkzqM75NywvdJju99Q7+XCriifw/BPRjVAPdgVAoua5"
    "LetmJFUdHelEwfQa6DcTnEOesdOoLPUD+GlRJ6OJDVFMIv24J3i4GsBPdljGt90IWERnwz"
    "xKHjUJsPowUM7NsihSfEQRCX+E45YWkaZlS6rXlYX9muxXF6efk2Y5+fnksgX3x8dzq5er"
    "HPlxvayQ5KsNdeU/nD8Gy9ptRiSNil/BOpkIf7iUTKs2OzXy+xS6eFDvLYxG40Sp9AUvK7"
    "ZapFOZqXGE0J/dEg36KbUbNiRBWCE/ypK4hMiKfxwbDE+snvTvJWxx+ajj/AlQhT1bd2E5"
    "nt2bs9yZYnwPsBDEKlkjiJxBYr4ozPpuefJm3ptLTn/7jOln/ZaErt+D+WPWjbQiuXBCzk"
    "YNwgpVBFgWgzsD8tM6T9Yk8emiMW5FEKa2aENsK5Y29xXc1CO26tbI+Mk0XKvKq0lN7NV7"
    "2bDybJu0fuOEulAXcT2Ac3nWU1q1P7zn4moYehU8pkzbQPa3hEiPbU5UB77xNpq3H7VuOc"
    "fj7yXM8uWnbL8ZbEephTbJ4UqLPiLWbF07elgLEkpkve1il521lP8+nWZu1oakcz028LGU"
    "KdAmsiBabo2wi4ik43SJB80KNJz12rLs3ntFOdWhb+0Jv3url5T+eFniYvpGmVW6JVGiWb"
    "dGqQK42y7Tpa0RUUXVuVz8Sq1OmLh2zHjQKYCagsLq1a3jwtowGtzgchkSF4ZDZITjjsJr"
    "YPpoTSqlWSECpYEnS2bbezbTHfssAhTZiY5f5oqsRWm2W+9TbIbqbctNfTttfj2thYQn+p"
    "gnBapn+krNHRUZ085tFReR6TtUl5TGg71DVhyMEgQCu3qIhZqX9ZIt2bbWWj/cNXhycHx4"
    "drz3J9pcqhzDuPDjFvKFD0VWgXHJlV7T7Ksg04kB3T8x3xFwUmlQ7j3CP/QwW51MotgYmQ"
    "3gqosBUwgs3wEPTV0tc5wf69LfShrToGVmNN0yecPGF9xG6FFne0gnxFHEyfcjJQiNVUnX"
    "KyWbCmRsxM7I9tP2LWBfVuIV72qBgYL2FeEAETpc3L41/r+uktszCydgOFhfaQQmQpcgZr"
    "s+iQzI7gxmO0BVGNtKGjZU1Hy3C4mhWlrssN9ESih3T0Wmz0CjK6bJUHduAocUrXAj0MQ7"
    "bC9q9kSU/R15LwWP9Y0lVezeS3acahyZVIXTs1by8v3ojuct1USbXv1Wpbi/69VOym1w3N"
    "mXuq8mEcRMOFqpxRSbA3cXbNWXzq1aXh7F0Xq4XkTev3k4vX5xdvjPHZLxeXv76dvH7zbh"
    "JpzxaW8zr75Ebl++RGuX1yaccnH5otsVBSMlVB2R3U7wp4WVA1F4y7weSO7zLYJLxdIK7T"
    "dF1O01m274YBKs0dVRj1Ock+JI+2bdgnKPoUWWXHqlBaz4P6PJgs3ups8BjkBDX6G6Cv86"
    "nPMJ8autaGs56V1LPelVkvMDkKTgvVWfQWsuj026hCmhLRZzbqBPqWE+iy8jaA7cd4mJ3U"
    "2AdhTT2uypyEpzvRekfAbrXoA6MRnLGINU/uF7IMRPPwIbKBYaZ6PsQ5YLQS4JE74CIPIB"
    "ZaRPTrLhFwoB8ANhyIMsxgCel8WICEwR6YwhsKYdzig8jY8qmczbUmDXLjH/AFs9FszFYQ"
    "PhA38Flv+k2xH52MOwQ+WUsv4S0CmIAFdH1APGCFrmObbMC9wbAOuUKJFPFcylg8kvFfzo"
    "FgimGUESGqcj6SoM751M/5KJQHarX2TfzSKKp9k7xPype/9Kurc3SrWUwV27hGjqZbNU23"
    "eqI6cx1bzzPZtsM65InDcvLEYY484YYenRYliFMiPcwgN89PcT1yS9cdJeJgWqaHIDd/5I"
    "QmAWkSSle0u2ESyhwpnkUaC2gTuz9HBPWJ592BOu9yVKtDJl5LhwPR70n97w3LvZeI9yFV"
    "3nbVd1ZaIvSQoXrgvCzXP6ybLwIvMFsh34eLjeBOifYP8baqwYcsNGxsYoEXCGurZTOrRX"
    "iMxkZhk2Lp/j0C7RTqXyLzhoSBEXoFVXEq3CBJrpdw18S7EvA84o7NEtQ+Mr2iU4srIJcF"
    "+4f5QS3IDyoQP9AVU/rP9arD8DPJymU0hY3mXZLV+wi6Q+rLzzSnJqiltVIimn4m28SaI6"
    "lZfd2in6mz+kRK/JHYiiIsO7kQPAhrahXsVlloNFsScjO5LWFsZNqHlSWio54Guq1N3hhM"
    "lyimk33nAxvPyFdA5kA4mSAa6gfgB1SZLDBDc/ob3CEAsX9H20cvqW9O74ga67T1HsCBNG"
    "eNf8AXfEe8Gyb5lX4x5x4QqtPgRaSNnB2XHRvY1vdl/LTPmewt7840RJe+7hS7RGflt5CV"
    "Xyu/AshpmR6C3Ep+R9SLqYux6N9DfFuJ8HX2yNO+Ae3Ce4fAgvXi5w+XFyWLciIixxhsMw"
    "B/A8f2d9iwLwKXgZGJLOQ28cr7daX3IxtA3sS7E7QHalefTc4/TV63ZWy0zlNTP51AH0mQ"
    "36CQMjE8jxQYceU7/tcCfViSt73T30Mmsm83CghLojoT0JUAcZ1MAPV8TOT7G028LKszAV"
    "3OBOhM33N5vjuyreyCBPac7fiMZiMXqcy0D6silTjVs/1dZjp+96Txu9BHnmrBjESk3dza"
    "bpw4kV71b+jNq7h+on8PA0jN77HThc3bjn/OiFWwj6DcBxT9dSnzDTxAuJn3B7X9r+1/bf"
    "9r+1+y/99QBbiD92cEz+3FoMAByHao9AAWUVdG26B9a5IVxjihEvgoYNVqfDAnHiAYrdP+"
    "e+DMQ4w/Y9NBAPSQ4BYgbHr3LtVhTgfIkBSaHFj7I52wmLvOJ+jQRsbmcyesXLJDn27+vw"
    "LMslwPrep29rUkC5OxXo1UzOzSAXoxA9u2vKFrGzPoI9VtRrJcH/JeW9jYaPsGK1d3W1R8"
    "oeoQ7IzcFs/BFiv9zh6DTYETd66MeEpQHz2ugLn29sqXmH55e7pye59nvSC0sy6L2wEf/w"
    "qxkk8U94oakrk+wypP3xO9DaWykoMxEBthmFMeQGyx4rQ204Ew8kADAuiQYO6RFatga3vg"
    "DjoOCqjXDiDwzSWyQicqk2t7eZ+/2fG/YOIizCvx+myHwzXfb8L08BqELhvrOiqdcD0ExB"
    "uCO5s+kWFAB+LFe1nH4boL605H/YKjqMQeuMbUdDe8EPPDs66B7fOavS7ybGLR27Kjyr0E"
    "zOhFaFv/ouOyShnIEn2ohIfol0fWFwyDeMCYsEZ/05uk5r8D7AD4oWkiZPEav/xDHIjpoK"
    "Ffu9Dv5xThMHPjUQVPtZqfOlrypNESnRJrOyWmCyLqgohdUfCmCyLyemSKEGeEeojxfr0A"
    "YEX8L5dUF6aGCswZof5FmpqvhtjFbRcF9IXx2fT806QtI6NtVaaQeYHyqbJZqWd9rmzW3l"
    "bAMCeoYUzcI9XoS4G4JtN0J+KSD7QlVTwLbfHyCs6ynN73JZvZ7I0Rw6SymU4W2x6wBzsC"
    "LD+oh63Y6uuTJKrXpi6vTXyyNi1PXCjcP3O/+RrFaeA2BbyfWLeSxBch31lBrKA8qpuV0n"
    "XYdNK45+lDnTR+jrNeljTWpSx1Kcsu11ysV8qynOmQwj3EjzxJec1auApxjyBv9TzlDGZV"
    "TJAY0zosEDGT9c5UjmNogovB92NEhAYyB5BzE4aMtIG8ICkfCfE9WNGu7Oct8vfAeCBh3O"
    "TYXzBnTPj+PHQA/XZgSSi2KX7Gdz64of1tDK7Z5hKHvmDp/9eiaOX3P4C7JVXEW354s+si"
    "TIXJF7zmXnjkbsiHY0l6xg8G7DQOH/mMhYKoRlggGpexa9i9s74+nan48yvKX9Lh+RPD+6"
    "0jvzEwuhBmt6gY0izVDexLYs86rC80OwffQzW9thuBbJ9q0VgQcjeyottL7teJQ+2Xx6H2"
    "c3GoXaEH9euQJs0Nap0bpM/b0+ftdQTxViLaKVtf6fWYFevbqakndZA+KQf6RJ941ftwZ6"
    "06l9R1VQx1pkR0mLM6zCkCA48OceZ3Cu0mvA+GOlPK1anjZcbU+zeXg4LgXdwyrArbwaRP"
    "Zyo0lno9hY92gccTT9/jAkqdd9HL40i3yPPjUHldoyQl0kPPZnR0VIcsfnRUzhZnbXIRCF"
    "cF4bh7D9Ftp+IJwUFhGq78+ImUiD5+QvH4iSfdnfzt/4aO2N8="
)
