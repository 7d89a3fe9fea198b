from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "estates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "slug" VARCHAR(40) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "full_name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(32),
    "password_hash" VARCHAR(255) NOT NULL,
    "is_platform_admin" BOOL NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "memberships" (
    "id" UUID NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "estate_id" UUID NOT NULL REFERENCES "estates" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_memberships_user_id_c3eebe" UNIQUE ("user_id", "estate_id", "role")
);
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztmm1v2joUgP8Kyqdeabcq4WXTNF0JWrrlbpAJ6O7VpikyiUmsJjZLnHWs47/PNnl/YU"
    "lVEER8aeH4HNt5cnx8js2j5FnAhcblyKOAQul161HCwOEfMi0vWhJYrWI5F1CwsIUqFDqe"
    "UFp41AU6ZeIlsD3IRAb0dBetKCKYSbFv21xIdKaIsBmLfIy++VCjxITUgi5r+PKViRE24A"
    "/WefB1da8tEbSN1FyRmI+Qa3S9ErK7O+XmVmjy4RaaTmzfwbH2ak0tgiN130fGJbfhbSbE"
    "0GWPZCQeg88yeOBQtJ0xE1DXh9FUjVhgwCXwbQ5DerP0sc4ZtMRI/E/3n2BqCTVNm6hzbT"
    "aaa5pUg51OMOeOMOWgHjfbfmMgQirxAa7fDaYXnf5fAgHxqOmKRoFL2ghDQMHWVEBPeITt"
    "m3nO18wfijmH+hnSbKL7YRzi2QNQyQE/NBtik1rsa/dqB+BPg6lg3L0SjAlbDdtVMglaZN"
    "HEUcdoxf8aaEP950EbCmK28do9OFz5qgpdplWKV7Sl+eq+60Ksr+swTto0kHOnAuVOKeNO"
    "ljBFDvxJcC0vTto0kHC/WwFxv1vKmDelIfN91vdqxeDI4nCApY9T9ZMyU9SJMnm7ry0ujb"
    "rdr4C63S9FzZsyEcOFHIsGaB73DWvhvlsSN1KWGexGYHoZfjhFL2cPaKjYXgeb8A70c2U8"
    "ms0H4498OMfzvtmC32A+4i2ykK4z0ovsa4o6af2nzN+1+NfWZ3UyyqYwkd78s8TnBHxKNE"
    "weNGAk8oVQGlLb8KxyeZ/IeLhgAfT7B+AaWqoldg8HOgvoehZaFSzHYWB8+34KbSDwFizA"
    "bX49jjo6QU/YhL4fSkOP4AiJTMqg5psc2clKAAameCQ+Nh8pT6ygXknzLK9ZMi/weeuWL5"
    "LvQRFfYVQ+uYQN/PVc0RxTRSPeSY3dNNRvYLJy3kHPO+hTd9DkW98GPK1e/EoZPWcYO479"
    "8UlRK0bK95KaQBMmZ5wMZy7HS9PNo70lLkQmfg/XArDC5gGwXhj8t3nHXdDNaSLNZXA8YQ"
    "EPUWKSdCj27Aa0Id3ulYPZ9eBmJBXEgGeAGh8+NxRrKvAVgy2vRvaZZAt3LkivQzcvT6y5"
    "p5yvAhqeOEMHILtO5hwZNO4yQO5VOeZjWuXn1b3cQd+SDazVvRRIGTWwRNnLzcDKqnloHR"
    "k8iXDgp8cJuCNXuROQyy8F5Bxd4HkPhG1GFvCsWpSzhk30516vUuTo7YgcvSxx5GkrG9Al"
    "cR1WtTkIFxxPEmJDgEt2xCL7DPwF62Bf9CPJYffCoap+SFXYQ2WeoX43Ho6mF23xMpgS2u"
    "ZpymSefwMs60HfC6LKn8jHdgckHm6dJwv8fNBUHnCaddB0vqo5rauaAXSRbkkFdWTQ8mJX"
    "JQlinaMpJRVMa1SSHHPGVQLXPt7ixuRT+Ftud192X3X63VdMRUwzkrzcEUTC4FxeOX5nKy"
    "hYZVVzwYTJOQuslgXyRVWDcKDeQLrtSjVje0fN2C74NRnBFOKCbOPfmTopyTRik2yagXTa"
    "+tWykZeLFSdAewdcDiOVS4RML8aD/7O4rz+ow2ySwDsYFh3eH/JIdPMb0D155g=="
)
