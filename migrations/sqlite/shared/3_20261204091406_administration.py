from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "password_resets" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A reset token sent by email: only its SHA-256 is stored; used once, then spent. */;
        CREATE TABLE IF NOT EXISTS "sessions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* One sign-in: its id is the token's `sid`. A token is good only while its session */;
CREATE INDEX IF NOT EXISTS "idx_sessions_expires_6bcc94" ON "sessions" ("expires_at");
        ALTER TABLE "estates" ADD "status_changed_at" TIMESTAMP;
        ALTER TABLE "estates" ADD "status_reason" VARCHAR(500);
        ALTER TABLE "memberships" ADD "active" INT NOT NULL DEFAULT 1;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" DROP COLUMN "status_changed_at";
        ALTER TABLE "estates" DROP COLUMN "status_reason";
        ALTER TABLE "memberships" DROP COLUMN "active";
        DROP TABLE IF EXISTS "password_resets";
        DROP TABLE IF EXISTS "sessions";"""


MODELS_STATE = (
    "eJztXOtz27gR/1cw/FJ7RvHYethp2umM5DgX9c5WxlaunYszNERCEhoK0BFgZDXN/94F+H"
    "5IIyqST+Lxiy0udvH4LYjdxQL8Zogpdol9diMklsR4g74ZDM/Uj0xJAxl4Po/piiDxyNGs"
    "RPMIzTQS0sWWBPIYO4IAySbCculcUs6AyjzHUURuASNlk5jkMfq7R0zJJ0ROiQsFnz4DmT"
    "KbPEPlweP8izmmxLFTfaW6P5puyuVc0z5+7L99pzlVcyPT4o43YzH3fCmnnEXsnkftMyWj"
    "yiaEEReGZCeGoXoZDDgk+T0GgnQ9EnXVjgk2GWPPUWAYfx97zFIYIN2S+tP+R9C1BJtp3g"
    "2G5sPN0DSNEthZnCncKZMKqG/f/XpjQDTVUA1cv+/en7QuTzUEXMiJqws1XMZ3LYgl9kU1"
    "6IkZ4XiTPM7XMB+KcQ75M0hDR/eDcQjPHgA1ZvjZdAibyCk8ts/XAPxr915j3D7XGHN4G/"
    "y35C4oaeoiBXUMrf5fAtqQfzfQhoQY2/jdfXFwm+eboAtcK+HVZWl8Lc91CbOWZTBOylQQ"
    "59YGKLdWYtzKIizpjPyXs1KzOClTQYQv2xtAfNleibEqSoOs7KwnSq3BkcTLAWx8uB/82n"
    "/oD+76dz/ty8Slob643ADqi8uVUKuiIqhNl2ABHSuNeEJwK+AD43aYE7uz0RLdWbNEd/JL"
    "dICbNcVsQmwTyzzobwEvtWasBT5dQQZ8O6jhLPxxfKpYg/ywf3vzMOzeflDVz4T43dGodY"
    "c3qqSpqcsM9ST7UkSVoH/1h++RekS/De5usg5jxDf8zVB9wp7kJuMLE9tJTEJySErpfO5g"
    "OebuzBwTYo7mBStbn8libReJZpQNiO1riTvf13s2UT141bxoX7Vfty7br4FF9zKiXK3Rf/"
    "9umHmpUiiN6TMpCJR6dLIZypF8ZXD+a7PZal01z1uXrzvtq6vO6/MI8HzROuR7/Z8U+KkX"
    "Ka8NC4yC3GptS0vuYFE7OM8JBmgPmLMMFtwjWeUC25Bb5NROxfhLIopWhBG2viywa5upkn"
    "h6zMhsRFwxpUULYS8QfvfzPYGXkhb7Fv6ezW1U0RHOhO/h3A+p4YxQEPImXwVqvmjWnGUp"
    "mOGJHpJqW7WUR6xgDyyN5+p9sIwCd7sX9snwBNGuI4m25FwODX+ud8kOaZdM66REvBDyVz"
    "AA3n1UBm8T/VoAb48DipgVIxwLZTAegdS+QA7n9svO295g8EvKLPb6Ga/k7uNt7wZQ16AD"
    "E5W1s/Ind1aSWvdti1nOVKSEdmkxDsMV2cpAxJAqs10S0IRIDSfAmXOn0+jmoX3HXUIn7G"
    "ey1AD3oR+YWYV21nfxPgbVHCekOWdZ+YZ4EfmAyQkFY7eJQ/xl/7r7cN19e2MUrAE7ADXO"
    "HVcU1tTCVwzs6sBvn/HMByzEgrv2PRFEGgUhTZqhsS6qmQespqt4N4tsjC7S3EjyL4QhQZ"
    "hEoyUiM0ydN4iD6URUCvTwvvuq2blEVCAhYXbZf0MwU21gsKBOiHxAdA6yZ0ZGbfuovz5/"
    "cAArfWNNZKV1bU6xmJZKMqakKncWYfdJxtrx32ZeH5Kjv1HuhTzPKVS3hZrTkrWaD1rNyt"
    "5toeOEWJ1CPXD91tHlj/kcdXS57+jyjwmCHogQ/ohz4U9Y1FgX+AifacOIZ8AIEjArXlH2"
    "Rgcf1FZxB4QSfpDyF4GeBLWfzlA3iFqgdMK57Ycriyl1iJYTcd9SIc+uG3hkUM4IVcEORF"
    "NfQcRGJw6fcE82EEZh3If8EzWIu37MdYoY/IRSiZ5iV+CpjqEOZT1rrImhaud+JeBV3tU/"
    "Kl//JYPpI1HyRq5gsIZvoeW0ZO3wH7KWa4e/dvhrh7/Q4deoF3j7oTZWu/pqQPX9xYr7vj"
    "o7VCZ1EAlULmvQ7GySNgCu1ZfsOrnEwRgaNsveZEwJVfAM3F6uM86nJW/aRQLVu4zUam5y"
    "kbG5+iZjM4dumPAum2rMCVZxPnc6G60cnTUrRyeLOBVmdNME2zNacOFu7QnPQvkXPOwZUY"
    "72tCcguNXZ2pRcfby2Pl5bb8TVd4H2Ho8Wm+v4fNr2cOXOxVURsWRia3uoEjm0qoC012yk"
    "NSW255BrB9OZUZSTTDE01mYmA1bTUrwlEpRj6hKkzALiYwQhAZoTl3KbWug/fNRAujpi66"
    "OUz1CZs9RMYXMumrvcArXnz2PusvJH9siGU+ILCFUZVjUg5d7BT2uKVQaUYGuKFIR+ClQ4"
    "XCIqgclx+EKgkyc8lsR9Om0gzKBRLqeP7ER3RLGeaqr/rBmBAL33ZyiwcASzw/8CjIy7KJ"
    "CFWZQz1ePFj0w3LRfUIjozavGvUKj7BL1DMyrUkVPFJHyuM9RVLSKbL5gPFwsGi9S+oi3U"
    "SB8ZgWqWCVDDiiiDhoLRwTB1c+JJwQRtzk7f6KZhYNBZPpt7EhTjcl01/MTikfmc1PUxU3"
    "XrAateuB6DbgGkiymWuqKgVSgAIvccG03xVwJMjKzK+H4yoHXt/0D9BrwUEUF3Ondh8ZOh"
    "zu8G/kwwS9TT51L7ZeuusRfumBVcWw9M+OFu4rzgtfXV+2iBMjeNigP2CsbCe/jAj3pjSs"
    "YDoUwFI4Ej8fw3ytv5a19J3UZCdU72kHXr2+C8clcapFjg5b6lcrFfo7Szb9aEHsCo3Nf6"
    "UlIVNDb7+S5i7G2VXJnSkrXtOej1KeFfl/IsYrHa/hyyfiEIFnhCyligpEhlvuf1QzaoxD"
    "7tPveJusSl1tQo2CAKShrrdoZwzHMwJ1n+LGH5D3pAqwNu5SvScl8hTYhU0RfaRxJavVQl"
    "EA7YK4juxUae5sUaT/OiwNPkTBJW4IL882FwtypIikSy7ge1JPofcqg44hxNEbgKjJTTEW"
    "J6ctv9dxbu618Gvaw3oSro/dHG7Pv/AaW1nVc="
)
