from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" ADD "platform_fee_bps" INT NOT NULL DEFAULT 0;
        ALTER TABLE "estates" ADD "platform_fee_fixed" BIGINT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" DROP COLUMN "platform_fee_bps";
        ALTER TABLE "estates" DROP COLUMN "platform_fee_fixed";"""


MODELS_STATE = (
    "eJztmluP2jgUgP8KytOs1B1BuE2r1Uoww7TZFqiA6a5aVZFJTLAmcWjidIad5b/XNrnHYZ"
    "MKWMjyMgPnEjtfnONzfHiR3CVwoH49cAkgUHpTe5EwsNiHlOZVTQKrVSRnAgLmJjeF3Mbl"
    "RnOXOEAjVLwApgupSIeu5qAVQTamUuyZJhPaGjVE2IhEHkbfPKgS24BkCR2q+PKVihHW4T"
    "O9uP919aguEDT1xFwRnw+Xq2S94rKHB+Xunluy4eaqZpuehSPr1ZosbRyaex7Sr5kP0xkQ"
    "Q4fekh67DTZL/4YD0XbGVEAcD4ZT1SOBDhfAMxkM6beFhzXGoMZHYn9av/tTi5mp6mg8U6"
    "eDmapKJdhpNmbcESYM1Mtme90ICJdKbIDbd73JVbPzC0dgu8RwuJLjkjbcERCwdeXQYyvC"
    "9Iws51u6HsScA/sUaTrRwzAO8BwAqGSBZ9WE2CBL+rVV3wH4U2/CGbfqnLFN34btWzLyNT"
    "JXMdQRWv6/BNrAfj9oA0HENnp3jw5XrhehS61y8XJdkq/mOQ7E2roM47hPBTk3C1Bu5jJu"
    "pgkTZMG/bVxqFcd9Kki40yqAuNPKZcxUSchsn/XcUjE49DgeYOnjZPxJmSrjkTJ6e6gtLo"
    "m60SmAutHJRc1USdQrE5CF7VjqAkJ1vhJAVzARMxe5pujTuzgU/fqhgBtsBr/KjVa3ddPs"
    "tG6oCZ9lKOnueAbKaLYL8AI9Q0EO10dGMcqhf2U4v5blZrMr15udm3ar223f1EPgWdUu8n"
    "3lLYOfWPjZp6E5kPFRAck+hTuqYaE6Z5tMeKb4677rdfDhHIM6vUF9jM21n3PuYD1ThoPp"
    "rDf8yIazXPebyfn1ZgOmkbl0nZJepaNSeJHan8rsXY19rX0ejwbpjD20m32W2JyAR2wV20"
    "8q0GPpcSANqG1YEbV4jCX4TDAH2uMTcHQ1oYmWhwWtOXTcJRIFwr7vfP9+AulLyfAK9ptt"
    "OTkML3SGK2ETrP1AGqwIhtCW7TyoWZUlW2kJwMDgt8TGZiNliQnK8yTP/BI99QD3W6Z/kT"
    "wX8nQChqcFjk0H/nop4E+pgOfPpETyGNhXMDfff8J42UH/Lzto/KlvA55aLn4lnPYZxk5j"
    "f/ypqBUhZXtJSaAxlwtOijOT4yXpZtHe2w5EBn4P1xywQucBsCYM/tu848G/zHkizWRwLG"
    "EBT2FiEl9Q9N51aEKy3St709ve3UASxIA9QI16LRXFmgh8YrD51cghk2y+nAXpdbDM8xNr"
    "tlIuna+KJ87QAsgskzmHDpXrfcntIqfa1Cq/PdPOnGsv6MBq2R5YwqmCJcpBGmGrZckeTe"
    "jwU4T9dXqagJtykRaYnN8DkzN0ges+2XQzWgJ3WYpy2rGK67ndLhQ52jsiRztNHLlq2AgA"
    "uoWw4HjStk0IcM6OKPJPwZ/TCxyKfig57l7YH48/JCrsvpJqEYwehv3B5KrBHwY1QiSnc0"
    "AJ0qwHfRdElX8jH/kdkXiwdZ4t8MtBU37AqdZB06VVc16tmh50kLaUBHWkr3m1q5IEkc3J"
    "lJK53XdhJSnotvtL+3SLm738qiG/cvxO3yD/LSuaC8ZcLllgsSyQvVQlCPvmFaTbKFQzNn"
    "bUjA3BjydtTCAWZBt/TMejnEwjckmnGUgjtX9qJnIP9suc/+ZInsFI5BIB06th76807tsP"
    "4346SWAX6IsO7495JLr5AXhmZXA="
)
