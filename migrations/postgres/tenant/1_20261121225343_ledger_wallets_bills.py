from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ledger_accounts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "code" VARCHAR(80) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "balance" BIGINT NOT NULL,
    "held" BIGINT NOT NULL,
    "allow_negative" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_ledger_acco_code_59a4a1" UNIQUE ("code", "currency")
);
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "fingerprint" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "reference" VARCHAR(100),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_referen_767031" ON "ledger_entries" ("reference");
        CREATE TABLE IF NOT EXISTS "bill_counter" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "last_number" BIGINT NOT NULL
);
COMMENT ON TABLE "bill_counter" IS 'One row per estate: the last bill number handed out. Taking numbers updates this';
        CREATE TABLE IF NOT EXISTS "notifications" (
    "id" UUID NOT NULL PRIMARY KEY,
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_daa173" ON "notifications" ("user_id");
        CREATE TABLE IF NOT EXISTS "ledger_holds" (
    "id" UUID NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "reference" VARCHAR(100),
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "ledger_accounts" ("id") ON DELETE RESTRICT
);
        CREATE TABLE IF NOT EXISTS "ledger_postings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "ledger_accounts" ("id") ON DELETE RESTRICT,
    "entry_id" UUID NOT NULL REFERENCES "ledger_entries" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_ledger_post_account_9cf711" ON "ledger_postings" ("account_id", "created_at");
        CREATE TABLE IF NOT EXISTS "wallets" (
    "id" UUID NOT NULL PRIMARY KEY,
    "currency" VARCHAR(3) NOT NULL,
    "pin_hash" VARCHAR(255),
    "failed_pin_attempts" INT NOT NULL,
    "locked_until" TIMESTAMPTZ,
    "frozen" BOOL NOT NULL,
    "frozen_reason" VARCHAR(500),
    "created_at" TIMESTAMPTZ NOT NULL,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "account_id" UUID NOT NULL UNIQUE REFERENCES "ledger_accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_wallets_residen_06d16a" UNIQUE ("resident_id", "currency")
);
        CREATE TABLE IF NOT EXISTS "bills" (
    "id" UUID NOT NULL PRIMARY KEY,
    "number" VARCHAR(20) NOT NULL UNIQUE,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "amount" BIGINT NOT NULL,
    "amount_paid" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(24) NOT NULL,
    "due_date" DATE NOT NULL,
    "acknowledged_at" TIMESTAMPTZ,
    "dispute_reason" TEXT,
    "dispute_resolution" TEXT,
    "cancel_reason" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "unit_id" UUID REFERENCES "units" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bills_status_d5e50f" ON "bills" ("status");
CREATE INDEX IF NOT EXISTS "idx_bills_residen_e5b3bd" ON "bills" ("resident_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_bills_due_dat_9632fe" ON "bills" ("due_date", "status");
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "reference" VARCHAR(40) NOT NULL UNIQUE,
    "purpose" VARCHAR(20) NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "fee" BIGINT NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "idempotency_key" VARCHAR(200) UNIQUE,
    "request_fingerprint" VARCHAR(64),
    "failure_code" VARCHAR(32),
    "failure_message" VARCHAR(500),
    "refunded_amount" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "bill_id" UUID REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_payments_status_c133d1" ON "payments" ("status");
CREATE INDEX IF NOT EXISTS "idx_payments_residen_c7ad1e" ON "payments" ("resident_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_payments_bill_id_46e8b7" ON "payments" ("bill_id", "created_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ledger_holds";
        DROP TABLE IF EXISTS "ledger_accounts";
        DROP TABLE IF EXISTS "ledger_entries";
        DROP TABLE IF EXISTS "bills";
        DROP TABLE IF EXISTS "notifications";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "bill_counter";
        DROP TABLE IF EXISTS "wallets";
        DROP TABLE IF EXISTS "ledger_postings";"""


MODELS_STATE = (
    "eJztXWtzmzoa/iuMP3VnspnEcdLszs7O2Inbum3sTuKcnjndDiODbLPBiAOiabYn/30lLk"
    "YWFyMMDib60oukF/CjF+l5L3r51cHQAhY+/uIgGzr4qfNP5VfHAitI/pHoO1I6wLbjHtqA"
    "wcz0B9vBKAO6/riZix2gYdIzB6YLSZMOXc0xbGwgi7RanmnSRqSRgYa1iJs8y/jTgypGC4"
    "iX0CEd376TZsPS4U9y8fC/9oM6N6CpbzywodN7++0qfrL9tvv70fU7fyS93UzVkOmtrHi0"
    "/YSXyFoP9zxDP6YytG8BLegADHXmZ9CnDH9z1BQ8MWnAjgfXj6rHDTqcA8+kYHT+NfcsjW"
    "Kg+Heif/T+HT4aM0xVx5OpejecqmpHADsNWRR3w8IUqF/PwXVjQPzWDr3B1Yf+7Zuzi7/5"
    "ECAXLxy/04er8+wLAgwCUR/0GGX/7wTOV0vgpOMcjeeQJg9aBuOoIQY5VrAIvgigGiDtrM"
    "BP1YTWAi/Jf7snJzkY/9a/9WEmo3ycEXkjgpdlHHZ1gz6Kd4wv0HUyGa4IxIzI/lDu1KW2"
    "mxifF8L4PAfj8yTGmgMpGirASZivSQ82VjAd6k1JDm09FD2O/nGIGk5+oD6xzKdw/coBfz"
    "q6Gd5N+zdf6O1Wrvun6ePXnw5pT9dvfeJa31xw87S+iPJ1NP2g0P8qf0zGQ35lWo+b/tGh"
    "zwQ8jFQLPapE+eOlNmqNUHumm8X8gVnIaMMMaA+PwNHVjZ5YPchc4JQXcBCKvft0C03gA5"
    "vUgXDXvCeXOMDZf470PWqNtIDChrooC8hk16q74luABRb+T6L3pndisUphHhGG2axjPVHV"
    "Eo5vEZ3xSQ+ZK2h2vksW0iQWEkyKwB65FmghDzkttEee5uyRp3KPfL17JDvr0cKnii1jnF"
    "iV61kzdsQSy1eCeiRRTkL8DjnQWFif4JMP9Ig8C7C0NAMqxTw/TGgTZIM0O+BxvbXyykUw"
    "0KEJsY/CLVH429HVtPNchNghTfNsgmfopihP7ybhhdoE+8Y6MDNMc0eMBuQSBeAJZ7zx6N"
    "TJgGN1SqHBG7qWzYU53a6aEZO1zdBhcE9KuyUhbhYhlnTtNdK16K0UpGucmKRrnO1DFzhB"
    "SBkRCWc++2W3kh3Z7y1zqcOEdiv75d7VDfZ71b+76l8POwnlrQDalnkweViZ91XYoKiTCq"
    "41OoUJstqeTQQjhZGR2JZTPs+FjuguFYvsF+9G7lHS3fka+XOpkKD0HBX1HD0Ck+ylO6L0"
    "1b9IWyHan3PtIOGxwdMq4i/lEfoSXKVNINXJO/uebuChhZ1UHyTTm8s9AR2nmmjRLO45MB"
    "YjCwuwTyOpOOF20lgaRB6W/PX3f3S7Z2dvuydnF5fnvbdvzy9PLslY/3mTXW9ztvLB6P1o"
    "PN3cmWlDPicl041ESSkrswMrbWYgYUdaCrRolSucDKhlrIttyHS46BVIdLjoZeY50K5NgN"
    "Hsv1DDAUgCKHNiEuriUKctDluBTl0dJMxpMM/gHDkpyvzxbjJOxziW4K1XQ8PKX4ppuEV4"
    "1OEswBSKDQs1wvPNTf93Huqrz5MBv1LTCwz4pXqOoSMC+1pAol4edem3yV5oXq3fplZDSd"
    "OQl+6fj7qO8kwkE+oL6KggGFtLroaGdF9fNc9xIHU1yVyNRjnuo/kpyoGi8S2kP5dFMpcv"
    "sxOXLxN5yw/kd4mAG41vIbhn3QLgnnUzwaVd3G4brSgi2svItBHkIhhnQ5xg78CM4vLFfV"
    "iM0HZHVlUIn9QF7x4dWTHuyxDX4qBHEhLxcogD0yScz4ILgI0faQqPkAmBlWE7JYS5aZgR"
    "6brmYd2yX8YxmEw+b/DzwYgDeXx/Mxjevjn1lxsyyMAZ2EurKftleLVWE7MYItqUfCMFwm"
    "8fUKA8Bzb7xQKUZFrIRXYNUAZXaRNIQnY3nzKQjebEglNE/qgwb6CZXrN0RAWcE/5bl+KZ"
    "iN7GrW6J9ZvfnOCt9D9U7X8Aq8hNVZztxjL747stiZbHwLsYYE+otEssscfKLv2r6ei3YV"
    "06zZ1dvyhydJ0nTczJ9QvegjZ0uLIRpi4H9QEKuSpSRKuB/WUzQ+ovWuTAOaROHiG35oZQ"
    "KZwbtovLqgzScKvlmF8YLBLOq2Kl5Km0/FNpIA7e7XhyigkDHiawWw9PbWpWo85PfUSeYw"
    "EzM5N1o/+ogEUEyUhZ1rL1NpFkjftnjXNyf+jYjpG27GbjzYm1MKZYfVKgjIrXGBVnH0sA"
    "Y05Mlm4tUrq1sZbmy63N0tCUhubGuD1ECGUIrIoQmKBtE8GVVqU/RnKrRcPOXa0mzTfWqG"
    "aWhe/y8F4zD+/JuNDLxIVkWuWe0irVjEM6BZIr1azjOlLRBRRdsspXwipl+GIbdyzlwIxB"
    "pX5p0TLdrIwEND8eBKMIwY7RID7gcJjYbg0JsaqVERBKWRJktO2wo21hvmWKQRpnYmbbo0"
    "ypqDrLVctjkM0MuUmrp26rxzYsdQncpQjCrEz7krK65+dF4pjn59lxTNrHxTGBYRLThCIH"
    "MIYrO612WaZ9mSHdmmNl3dPe297l2UVvbVmuW/IMyqTxaCLtgQBFtkIj5dNP+eYjL1uBAd"
    "kwPT8QezHCJNdgnDvofzAllpp7JDAWkkcBBY4CBrCpDgSuWPg6Idi+3UJ+fFT6wAqsafJL"
    "HS9YH7FZrsUDrYSe4weTX+voCPhq8r7WUc5ZU8BnFp2Prd9j1gT1rsFftpMPzC/FneIBi0"
    "p0Z/u/1nXAa87C2HCGMWkYR8q3jk6EKWPwaWJw2FAsPUP6xar2i1neapYWpM6m4rFECxPP"
    "C+Wd56Sd8/wbG9gUyh5dC7TQ4VhLXn9uPvQU/sxwhLUvHzrPfhn+Pt0wXRLFUNfmy+fJ+H"
    "00nK+Qyqn2k1gV62h8KxW76nVDZse9VKEwH0TVBqLZoZxgazzqMjvxpVeXiuN0TawLkqTW"
    "X4bj69H4vdq/+jSefP08vH5/Mwy0Zw/LeZETcd3sE3HdxIk41vBJOmEzGAojk+d+PUD9zo"
    "GXuk8TbrcHCz365wnKOLJTxGVArskBOd1wbQ/DzChRDqlPSLYhTLRvYh+j6BJkhQ2rVGk5"
    "D+LzoFHPqlniNUgISvRLoC8jp68wcurZeslZ35SUs96UWU+hHIkauzJeXku8nPnsfVFIGR"
    "H5dUYZKt9zqJxX3gqwvQ8vc5AauxVW5nUVzj54uW8wHwjYtZZ3oAkDV9Rj7YfxU/MJou6j"
    "bWkFqsaM3JZdQBNIFAc9KjZ0FEhdi5D83CVUTOBihV5OCSLMyhKQ+dAV5OFjZQoeCIRhj6"
    "sEZMslcoavNSzIld/gPxa9mmHRFcS/kE/w6WjySy03+AbukeKitfQS/ICKhZQFsF0FOYru"
    "2aah0Qsed46KpFEIJUW8loIVO+b2Z+dAUMVQsxIh8mI+nKCM+RSP+QgUAqq1yk24aaRVuY"
    "n3k+zlj926XjCxahamf5WueyMTq6pOrHqh2nENW7k34mq9ImkSvew0iV4iTcL2HDItQhAz"
    "Ii2MFVefiWI76AdZd4RSBFmZFoJc/WckZLqPTDdpinZXnG4yh4LfFw0FJJluz2d/2pTR3Y"
    "Da7bz/qkEUr6YP/pDfSSztkiXcM8TbEBSvu5I7LRfhOVAV/Yg8L9c+rKsv7B5htoKuCxal"
    "4GZE24d4XRXePeoEVssw8BRhyVpkrU6Zd1E020ZDK5uGDEvNOycrc3qbk2CTnGk/TCjmeG"
    "ZEZCoIv2vJfCWZYdOsVBDxDJsoaLUjtlHpg4NcCLbCyqyCjSrGOkbYmNOchuB3J6KnG/1H"
    "eSFUixkpv3zY8qio50JHNCU0Fql3xzqM6knyQ3t7ii3L0h11+3VnSE/xn2efa4rGy2Idwq"
    "eZqA+hhJHNiEn7usn2tfSfZS9k7fKfNSRxsg8dQ1t2Uph/2JPL+UE8pjFkX6ZR75hG/QM6"
    "ruBXiRmRNpKmOur/05dKAOFweAvRredLxMjCqS6/j3eTcVYgYi3C756GhpW/FNNwD9jxlw"
    "YuBSOfovJslNv76AUGL30K4Pn/W7XdEw=="
)
