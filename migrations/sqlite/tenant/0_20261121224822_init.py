from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "properties" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "address" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "units" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "label" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "property_id" CHAR(36) NOT NULL REFERENCES "properties" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_units_propert_68a8d3" UNIQUE ("property_id", "label")
);
CREATE TABLE IF NOT EXISTS "residents" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "user_id" CHAR(36) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "occupancies" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "resident_id" CHAR(36) NOT NULL REFERENCES "residents" ("id") ON DELETE CASCADE,
    "unit_id" CHAR(36) NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_occupancies_residen_3e7bad" UNIQUE ("resident_id", "unit_id")
);
CREATE TABLE IF NOT EXISTS "audit_log" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "actor_id" CHAR(36),
    "action" VARCHAR(64) NOT NULL,
    "object_type" VARCHAR(64) NOT NULL,
    "object_id" VARCHAR(64) NOT NULL,
    "before" JSON,
    "after" JSON,
    "created_at" TIMESTAMP NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztmu9v4jYYx/8VlFedtFUtLbQ7TZOA0h27K5xouk13OkUmManXYOccRz3U8b+f7cT54Q"
    "SOUHoDmjcFHvuxnY8fP883SZ8MBjHA7PgDJT6kbG68aTwZGMwg/1Jo+7lhAN9PW4SBgYkn"
    "O/tRLwQD2W8SMApsxlumwAsgNzkwsCnyGSKYW3HoecJIbN4RYTc1hRh9CaHFiAvZPaS84d"
    "NnbkbYgV/54PFP/8GaIug5uQUjR8wt7Rab+9J2dze4upY9xXQTyyZeOMNpb3/O7glOuoch"
    "co6Fj2hzIYYUMOhkLkOsMr5mZYpWzA2MhjBZqpMaHDgFoSdgGL9NQ2wLBg05k/hz/nu8tE"
    "w3yxqOTOu2b1qWUYGdTbDgjjAToJ4W0bgpEGk1xAS9t53x0Vn7J4mABMylslHiMhbSETAQ"
    "uUroKWX5WeDcuwe0nLPqr5HmC92EsTKkkNMAU/gUoBdAaszAV8uD2GX3/Gfz5GQF4786Y4"
    "mZ95KcCT8R0WEZxk3NqE3wTvkCx+GbEVRBnHH5cZSNlwrbPOPWWoxbKxi3ioxtCgUNC7Ai"
    "5ivewtAMlqPOe2q0ndj1WH3ZxwjnF+iMsDeP89cK+Obgpn9rdm4+iOlmQfDFk/w6Zl+0NK"
    "V1rlmP2to+JYM0/h6YbxviZ+PjaNjXM1PSz/xoiDWBkBELk0eLB3+aapVVUVuIYjF9yCQy"
    "YZgA++ERUMfKtaThwfeClRzAbux2/W4MPSDBFmMgrpp3fIg93P2FindlVVEgsJEmWQay2D"
    "RrznQLwMCVlyTmFjNlWZUoD8VwuepINmq7guOTkjNS9PC9gp7xuVYhu6RCok2pUCMThwPU"
    "Iadr1cjTFTXytK6Rr7dGZnddJT6rWhrT3LaZz3ajIm6QvgrSo0i5iPiaUIhc/A7OJegBXw"
    "vAdtkNVMnt+X6iLYgNbqbgMSmtenBxBg70IJMUxjzgx4OeaSzWEXbEtkOf84wfU2wu70bx"
    "QIeE/UU1XgqsROjlaC5Xe9rubVvz8dOLHBjNKYRlLfl2S/LVguQ1ChJ1KisKEs2tFiSauh"
    "cJriLSjEuNc7W+y5aSZ+q7cWao/UT7XX2nndWcvut1bnudq75RCN4toD2wZ3Q61sx5rSyZ"
    "X1IKJhFdogSz0b5cCKqAqd81HrjkCwNIq1ap1OXH8t7JGlU/0HuN+nmjl171s5H/69lIJ3"
    "QQ62NGSx+OZFpXFkUg+lkecXerKHaRO8CsQllERa0bx/nO5me+WP7xy6/N5tnZRfPkrH3Z"
    "Or+4aF2eXPK+cr3FposVOaY7+GMwNPMpQxhWF0u+3aRqtcz6PKNcxrB37BQ/s14CW+W5tf"
    "8Px16SGQ/hJWP7fI13jO3zpa8YRVMeMJn8C20WQapAWXOrUa+Puiw5fBd0aXaoMZdhnsAp"
    "oSXB/OftaFjOOPXQZTWyWeO/hoeCdZ5R7E8CFihy0lnxPLrp/KOj7r0fdfVMLQbo6ql6yi"
    "Ctgj1xqKlvTr2+oVyeaF7tDeX2b5QW3wCN2Kt3"
)
