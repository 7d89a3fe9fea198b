from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "schedule_claims" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "job" VARCHAR(64) NOT NULL,
    "slot" TIMESTAMP NOT NULL,
    "after" TIMESTAMP,
    "covers" INT NOT NULL,
    "claimed_by" VARCHAR(200) NOT NULL,
    "claimed_at" TIMESTAMP NOT NULL,
    "sent_at" TIMESTAMP,
    "messages" INT NOT NULL,
    CONSTRAINT "uid_schedule_cl_job_c6b3c4" UNIQUE ("job", "slot"),
    CONSTRAINT "uid_schedule_cl_job_88555b" UNIQUE ("job", "after")
) /* One fire time of one periodic job, claimed by exactly one scheduler process. */;
CREATE INDEX IF NOT EXISTS "idx_schedule_cl_sent_at_5355b2" ON "schedule_claims" ("sent_at", "claimed_at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "schedule_claims";"""


MODELS_STATE = (
    "eJztm21z0zgQgP+Kxp/amV6neWt7zM3NJKVADpowbeBuoIxRbCXW4UjBkklzXP/7reS32L"
    "FzMSQlNflC49WuXh7J2l3JfDWEgz1iH18KiSUxnqCvBsMT9SNTcoQMPJ0mciWQeOhqVaJ1"
    "hFYaCulhS4J4hF1BQGQTYXl0KilnIGW+6yoht0CRsnEi8hn97BNT8jGRDvGg4P0HEFNmkz"
    "uoPHycfjJHlLh2qq9U90fLTTmfatmbN92nz7Smam5oWtz1JyzRns6lw1ms7vvUPlY2qmxM"
    "GPFgSPbCMFQvwwFHoqDHIJCeT+Ku2onAJiPsuwqG8dvIZ5ZigHRL6p/m72HXFtRMs9cfmD"
    "eXA9M0SrCzOFPcKZMK1Nf7oN4EiJYaqoGLF+3rg8bpoUbAhRx7ulDjMu61IZY4MNXQF1aE"
    "64+XOV/AesjnHOlnSENHt8M4wrMFoMYE35kuYWPpwGPzZAXgt+1rzbh5ohlzeBuCt6QXlt"
    "R1kUKdoNV/S6CN9DeDNhIkbJN398Hh1k/WoQtahXh1WZqv5XseYda8DONFmwpybqxBuVHI"
    "uJElLOmE/MNZqVW8aFNBwqfNNRCfNgsZq6I0ZOVnfVFqD44tHg6w8fq6/7Z70+33ur3n23"
    "JxadS10zVQ104LUauiNOqpi+WIexNzRIg5nOZA7zKZzzzPNEMfRrEt+ifbAj5WPfilXmue"
    "Nc8bp81zUNG9jCVnK+ag2xusAjyidyQnhuvQ8XqUY/vKcP61Xm80zuonjdPzVvPsrHV+Eg"
    "NfLlpFvtN9ruCnFv7ybFgeUXxMLJdn4SmUqK26wE2mLDP87dD0OPrxGDd1GKDdZ+48jDlX"
    "sB50ry5vBu2r16q5iRCfXc2vPbhUJXUtnWekB9ldKa4E/dkdvEDqEb3r9y6zEXusN3hnqD"
    "5hX3KT8ZmJ7YXwOJJG1O5VEjX6tBDgK8EQW59m2LPNVEmyPCZkMiSecGjeRtgJjZ+9vCbw"
    "Uiq8Of4mSCev4ooe4Uq4j9Z+JI1WhELI67wI6nLRpD7JSjDDYz0k1bZqaZlYTnqe5lmcom"
    "cmcLNp+nvDF0SHEyQ+LfA4NPxhn8DvUgKv56RE8BjpVzA233zAuPegP4sHXZz1YMMzy+1f"
    "KaNNbmO74R+/addKkCpfUhLogskeJ+BcivHSdJfRPuMeoWP2ksw14C70AzMrd/MP4o43YT"
    "WPE+lSBKcCFjyLA5PFBQVjt4lLZOAr2zcX7aeXRs4esAGoyV1LRbGmNr58sMXZyDaDbL2c"
    "c8LraJkXB9ZqpexvvioeOJMJpm6ZyDk2qNzdV721zqk2aBVfz7SWzrVH0LBZ9g4sZVTBFG"
    "UrF2FTp+QdTWzwTYTDdbqbgBv1da7A6sV3YPUluliIGQdn5GDhlKKcNaziem611to5Wit2"
    "jlaWOBVmfBGA7QllOceTnLsEswKPmGefgT+ECrZFP5Y8rC/s9PuvUhl2p5u5Iui9uepcXh"
    "/U9GSAEpUFNwdAEKIe+iVnV/k/8ondAxKPXOejBb4/aCrecKp10LS/qnlcVzU3lkNs3yUX"
    "LqYTIyedTCscrcorRahqWkp3vQzT6DOCRtQjSL2/iI8QxG5oSjzKbWqhv/nwCOnqiI2Gc0"
    "TuoDJ3rpWi5jw09bhFhDg2Mpw3Wvktu2UDhwQGQlWGVQ1I+WH4aTkwZU8QwZaDFEKBIC9G"
    "wuUSUQlKrstnAh18xCNJvI+HRwgzaJRL55Yd6I4o1UMtDZ61Igig98EKBRWOYHUEH3nJpI"
    "sCWZghRqjKxIPx4lumm5YzahHEuAeGX6BQ9wl6hyZUCBi1UhKB1jFqqxaRzWcswMXCwSJ1"
    "CGQLNdJbRqCa+QLUqCLKoKFwdDBM3Zz4qDBBm5PDJ7ppGBh0lk+mvoSJ8biuGn5iccsCTe"
    "oFzFTdesCqF57PoFuAdOZgqSsKW4UCEHLftZGDvxBQYkSvgtwbP2hdOyqo34CXIhboTi9d"
    "/L03BFAOHU+4StTTh1IHG6s+B8k92sj5/CPca3c3237Azz+KDzzCyVw3fQnVK5i0bOEbPv"
    "XGlAzcIpsKhmyPJESLmKy8DAz2vpJzGxttYHJ37LilSnMb+ODlyS10SInBw32TWNuuU9rY"
    "t59RBDAs90F+yqqCzmY7//UhibZK7kxpy73v2en9aSG+LhVZJGZ7/7PL8wtJsMBjUsYDLZ"
    "pU5rv47/JBJQ7UtnlO1CYetRwj54AoLDladTKEE52d+eTgZ0nLvzMCKk64VawYnsauGw4t"
    "mFQxFtrGbaF6qUoQDtUrSLe2VqRZWxFp1nIiTc4kYTkhyB83/V5RkhSbZMMPakn0L3Kp2J"
    "qn+jGRh4KRCjoipgdX7b+yuC9e9TvZaEJV0PnRzuz+P9waOuU="
)
