from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "notification_preferences" (
    "id" UUID NOT NULL PRIMARY KEY,
    "user_id" UUID NOT NULL UNIQUE,
    "email" BOOL NOT NULL,
    "sms" BOOL NOT NULL,
    "muted_kinds" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "notification_preferences" IS 'One user''s channels in this estate. No row: the defaults (everything on). In-app';
        CREATE TABLE IF NOT EXISTS "notification_deliveries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "channel" VARCHAR(8) NOT NULL,
    "recipient" VARCHAR(254) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "last_error" TEXT,
    "provider_id" VARCHAR(100),
    "claimed_at" TIMESTAMPTZ,
    "sent_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "notification_id" UUID NOT NULL REFERENCES "notifications" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_notificatio_notific_1657b0" UNIQUE ("notification_id", "channel")
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_status_9ca8f4" ON "notification_deliveries" ("status");
COMMENT ON TABLE "notification_deliveries" IS 'One notification on one channel: claimed before sending and marked after, so a';
        ALTER TABLE "notifications" ADD "data" JSONB;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "notifications" DROP COLUMN "data";
        DROP TABLE IF EXISTS "notification_preferences";
        DROP TABLE IF EXISTS "notification_deliveries";"""


MODELS_STATE = (
    "eJztXW1v27YW/iuEv6wDcoPGidvc7uICTup12dqkSNNuWDOotETHWmTS00tc363//ZKUaE"
    "nUi0VbcmSFwNCuEg9tP6Soc57z9nfPRxhi//C9S+bI9Ze9V+DvHoYzRP8nc+8A9OB8Ht9h"
    "F3w4dvjgeTjKRh4fN/Z8F5o+vTOBjofoJQt5pmvPfZtgehUHjsMuEpMOtPFdfCnA9l8BMn"
    "xyh/wpcumNz3/Qyza20Fc6efTP+b0xsZFjpb6wbbHP5tcNfznn1z5+vHj9Ix/JPm5smMQJ"
    "ZjgePV/6U4JXw4PAtg6ZDLt3hzByoY+sxM9g3zL6zeJS+I3pBd8N0OqrWvEFC01g4DAwev"
    "+ZBNhkGAD+SeyPk/9GXy0xzDAur26MD6Mbw+gpYGcSzHC3sc+A+vtbOG8MCL/aYx9w/tPw"
    "+tnxi+85BMTz71x+k8PV+8YFoQ9DUQ56jDL/O4Pz+RS6+TiL8RLS9ItugrG4EIMcbzABnw"
    "CoAUh7M/jVcBC+86f0n/3nz0sw/jS85jDTURxnQp+I8GG5jG71w3sM7xhfaFl0MTwViBMi"
    "u0O519S2TWM8qITxoATjQRZj00UMDQP6WZhf0zu+PUP5UKclJbStSPRQ/M8+7nD6A60r7C"
    "yj86sE/JuLd6MPN8N379nHzTzvL4fjN7wZsTt9fnUpXX32Qlqn1STg14ubnwD7J/j96nIk"
    "n0yrcTe/99h3goFPDEwWBt388VErrgrUvrGXxeQ+cZCxC2No3i+gaxmpO/H2oGvh5zyAZ5"
    "HYj79cIwdyYLN7IHprfqRT7OHqfxP7XVwVu4DBRvqkCMjsrVl/Jl+BGN7xn8Q+m31SEqsc"
    "zUNgWKx1rBaqXoXjs1BnuNJD1wo5vT+0FtImLSRcFIV35Eqgg3rIUaV35FHJO/JIvyOf7j"
    "syueri4DPUjjFJrM7zrB1vxA2Or4zqkUU5C/GPxEX2Hf4FLTnQF/S7QGzmGVA55vl+QptR"
    "NuhlFy5Wr1Z5c1EMLOQgn6NwTTf89cX5Te9bFcWOmGYwp3hGNMXm6t1VNFGXYE+dA2Pbcb"
    "bE6IxOUQGeaMVbj06TGnC8nXLU4NReK9aFpb1dt0ZMzzbbQuFnMrVbK8TtUoi1uvYU1TXx"
    "VCqqa5KYVtck24cdcIqQJkQ0nOXab/JVsqX2e52Yaj+hXav9Ss9qSvs9H344H74e9TKbtw"
    "ZoO8ZgyrAmnldlg6JJVXC1o3M0weRuL1YExYbRntiOq3yBh1zVt1Qsslu8W/mO0nTnU9Sf"
    "N3IJauaoKnO0gA59l26J0q98kq5CtDtybS/hmcPlTOgvmyP0PpylqyC5yAxcNo1RD1zXYr"
    "4O4takvj4MLNsfYd/N5W4Td0t1dsjGGQ65a5fOfmbfXWBfQWu3sxsneg23Vn2kX5b+9a9/"
    "9/vHxy/7z49fnA5OXr4cnD4/pWP5983eelmiAp1dvLm4vElrNOxCuS5Pl5uoKvNJmS20+X"
    "Y6YLZU56EpjrvKQZRmwQHZhQiRFycVAkRenBTGh7BbaYDJ+E9k+iFICihLYhrq6lDnHQ5r"
    "gc49HTTMeTCP0YS4OZv55w9Xl/kYxxKy1W+bPvgHOLZXRY/anwOYQZGy7AWez94Nf5OhPn"
    "97dSaf1GyCM/monvjIVYF9JaBR3xx1zXcVHzRPlu9q1FAyTRLk+zXErYMyE8lB1h1yDRiO"
    "bSTGxSQW36/MEkaMotMxLq1yeIj1qaoDifEdVH9Oq0R8nxYHfJ9m4r3v6e9SAVeM7yC4x/"
    "0K4B73C8Flt6S3rThRVHZvQqaLIFfBuBjijPYOHRHPUJ3DSgitJ7LqQvh5U/DukMiKcZ9G"
    "uFYHXUhoxDdDHDoO1fkwuoO+/ZC34QlxEMQFtlNGWFqGMZVuah1WV3arcZxdXb1N6ednFx"
    "LIlx/fnY2unx3x44YOsv0C7LXVVPwwPFmrKXEYEnYp+0Qq+OF+IuHm2bPVr+bYpctCJ9nW"
    "sRvO0iWQlOxuOdSiGM0rjG4I/aPGeIt2smb5iCqQE/ypy2EmxNO4lpZYPfntcd5q/qFu/g"
    "HOBE1VXduNZXan73bEWx4D7/nQD5RK4sQSO6yIMzy/ufg0ampPSzn/L6qk/MtKUyLj/4Vs"
    "QdsWms2JzygH4x4pURU5ovXA/riRIc0Xe3LRBDGSR4nWTAlthHPL3uK6moU23BpJj4ycRc"
    "pxVUkpnc1Xns0HY+fdlhlnCTfgfgK7NuksvbNalXf2MwlcDJ3CSNbU/YMKFhGiI3U50M7b"
    "RFpr3L3WOKGfj9y5a+cdu8V4S2Id9CnWHxSoveINesWTX0sBY0lMl7ytUvK2tZbm453N2t"
    "DUhmZq3A48hNoFVocLTNG2EXDldTeIkVxr0STXrlGT5nPSqE4cC3/o5L12Ju9pv9Dj+IV0"
    "WOWOwiqNgiSdCsGVRlG6jt7oChtda5VPRKvU7ot1uuNGBGYMKuOlVcubJ2U0oOX+ICQ8BF"
    "t6g2SHw35iu9YllNxaBQ6hnCNBe9v229sWxVvmGKRxJGaxPZoosdVkmW+dBtlOl5u2epq2"
    "euY2NqbQm6ognJTpXlBWfzCo4sccDIr9mOye5MeEtkNNE4Yc9H00m+cVMSu0LwukO5NW1j"
    "86eXlyevziZGVZrq6UGZRZ49Eh5j0Fir4K7ZyWWeXmoyxbgwHZsn2+J/aiwKTUYJy45H8o"
    "x5damhIYC+lUQIVUwBA2w0XQU3NfZwS797bQTVs1B1bhTNMdTh6xPmK7qMU9rSBfwoPpLi"
    "c9Ba6mrMvJZmRNBc5M5Mc2z5i1YXs3wJdtxYHxEuY5DJgobV7Mf63qpzcchZHWGygsdIRE"
    "kSWCM9g9i07J9AiuPIYpiGpBG5otq5stw8FsnOe6LlbQY4kOhqNXikYvCUaXtXLf9h2lmN"
    "KVQAdpyEai/UujpG/Q1wJ6rHtR0mVWzei3m5RBkymRujJq3l5dvhHD5bqp0tZeqtW2FuM7"
    "ubHrPjd0zNxjlQ/jIBpzqBozKgl2hmfXMYuPfbrU7L1rY7WQrGr9fnT5+uLyjTE8/+Xy6t"
    "e3o9dv3o3C3bOD47xKnly/OE+un8mTSxo+WWq2QENJyJSRsnu4v0vgZaRqhoy7x2TBsww2"
    "obdzxLWbrs1uOsv25oGPCn1HJUp9RrILzqNdK/Yxih5FVtmwypXW66C+DibjW50NHoOMoE"
    "Z/A/S1P/UJ+lODubXhqqcl9aq3ZdVzVI6cbqHai96AF53+GlVIEyK6Z6N2oO/YgS5v3hqw"
    "/RhNs5c7di2sicdVOSbh8Tpa7wnYjRZ9YGEE54yx5s793CgDcftgXbCBYSZGros5YGElwC"
    "ULMEcuQIxaRPTnThFwoOcDNh0IPcxgCul6WIAE/iG4gfcUwuiOB0Jly6NyNt81SZBr/4Bb"
    "zGazMTtB+ERcwWej6S/FXtgZ9wB4ZCU9hQ8IYALu4NwDxAVWMHdsk0142DuoElyhFBTxVM"
    "pYbBnxXxwDwTaGURQIUebzkQS1z6e6z0ehPFCjtW+il0Ze7Zv4fVJ8/CVfXa0LtxpHoWIb"
    "18jR4VZ1h1s9Up25lp3nKW/bSZXgiZPi4ImTTPDEPHDpsihBnBDpoAe5/viUuUse6LmjFD"
    "iYlOkgyPW3nNBBQDoIpS27u+YglAlS7EUaCWgVuzstgroU592COu8yq9UiFa+h5kD0d1L7"
    "e8Ny7wXiXXCVN131nZWWCFxkqDacl+W6h3X9ReAFZjPkefBuI7gTot1DvKlq8AGjho1NNP"
    "AcYa21bKa1CIvR2Ig2yZfu3iPQTKH+KTLvSeAbgZtTFafEDJLkOgl3RbxLAc8i7tjMQe0h"
    "083rWlwCuSzYPcyPK0F+XIL4sa6Y0v1YryoRfiaZzVmYwkbrLsnqPIL2BPVlV5qHJqi5tR"
    "IiOvxM1ol1jKSO6mtX+Jl6VJ9wiW+JrSjCspcHwVpYE6dgu8pCo/GUkPvRQ0HERur+QWmJ"
    "6HCkgR4qB2/0bqYoCif7zgM2HpOvgEyAMDJBONUr4Pl0M1lgjCb0b7BAAGJvQe/3n1PbnH"
    "4jqqzTu0sAe9Ka1f4Bt3hB3Hsm+ZX+MGcJCN3T4Fm4G3l0XHpuYFvfF8WnfU55b/lwtkN0"
    "6etWRZdor/wOvPKrza8AclKmgyA34t8R9WKqYizGdxDfRhi+1rY87RrQc7h0CMw5L37+cH"
    "VZcCjHIjLHYJs++Ac4trfHin0euAyMFLOQSeKV83Wl9yObQE7i3YuwB6pXn48uPo1eN6Vs"
    "NB6npt6dQLckyCYoJFQM1yU5Slxxxv9KoAtH8q4z/V1kIvthI0JYEtWegLYQxFU8AdTyMZ"
    "HnbbTwsqz2BLTZE6A9fU/l+W5JWtkl8e0Jy/gMVyPDVKbuH5QxlTgxsvksM83fPSp/F3jI"
    "VS2YEYs061vbj44TyVP/nn55FdNPjO8ggVR/jp0ubN40/zkmVk4eQbENKMbrUubqFQ/pga"
    "xCz4nxW3Fz+6PvN0LNMb1zI4sbaptL21za5tpLmyvZtsOxH5Broy2rPiUtqdfhnMs93BJF"
    "oTmN1oDKxW6NtZrEuJrVaqSXulqBqOQEgP+HgDmFGCPnFTAdSB/8VQiMh7DFqjFBbIEZdO"
    "/pHTjxkctLMmXDbOqd/ha7iE7Nyki5wEVzfnSBP8kYYER/NJf2ALyjawoWU+gD6LCnfwkW"
    "CPsHfNIoT8sD3pQsigNwsMQZRN9Xx+C0y4YXy6JgGiVEOmgcnVYwjU4LDaPTbNiCac/t3B"
    "DZsrCFhFAHMe4PKrWsGJT0rBhk0nz3w3keNQpp6pDQvvM9853zmnzKDvS0lPaiq3Moq2xb"
    "tchISawLyO8iOzdUUTcxrlOSmkJpM4XisaBh9SVOiOn1bfP6aoqs+AztFkWmW4x0edVzHv"
    "ZMi5EUI6bGxOSI6jTa8jRamSvbMt1TDtfZT4jX5n3mbLRU/uf58MP58PXosdI/k6vwPk5E"
    "WUNYv0+lrFSkrOcrIQXOmoXifOcJHpmlcPL2AVFO5yG4JKwtQdiLIFpjDzxjLDHddIxhJv"
    "j7Q3CB/8W+pLSwtX/ALU5FlgHoIgCdBVx6YOHaPgXoBzaPx2YyWeMDNIO2w/nqD+8+0Jmc"
    "ZRO9DDQf3d2YskctSFlPSBl/CHIcloQ4COKC3AwhI2E5pkJNvUwEsrsF8uzq6m1KHTu7kI"
    "mjj+/ORtfPjjjWdJAdvlhy6tXO8vzCZTBHEhrk6iDPAmZNsLDHHLCLo58ksd0nKCaO5XFg"
    "O76NvUP2eY9xMjcSG6VNxMKl6JiJ2JJ8hTd0A1Dd75zgiX2Xp1GnB5Qq0nfhUGZu0LEV9e"
    "chjkufeMhn3bU8MCEuj8wQPoJDcO4iVu/HppNwjTWqhUIVdXc5p3v4MKM31zmx1nVboY61"
    "vf5Jiwqv1++vZu3dHfp0838rwCzLdTAIoxlPX3wwGavTKAt8STP4ogk6sQK79nLDuW2MoY"
    "dUyyLLct3zczdSiN32DNZe8yGvWUyZMZiS0yZhdZOQAie+uTLiCcEdQr66sreYazdw8RGz"
    "n9aedgM/xVVvuY1/jViLOop7Sc/bzJiDMkvfFaMNpTa4vSEQhXuZUe7DML/CZnsgCC1Qnw"
    "A6JZi4ZMa8ULYLFtBxkM9yNSDwzCmyAids6227WZu/3vlvMZkjzDuHe6wi6xdeH5ftwy8g"
    "mLO5voStXr4cAOIegIVNn8jApxPxZuNs4MFqCBtOZ73Fwmn3BVPV3XADbLAn9guwPe6/my"
    "PXJhb9WnbYaZyAMb0IbesHOi/LGEGWGEMlohyUWwz9aMIoSJj+Tb8kVf8dYPvAC0wTIYv3"
    "JOcf4kBMJw28yo3JPydivFNfPOw4rNajWLMlj8qW6BT+plP4dQNX3cC1LRu87gauvH+iIs"
    "QpoQ5ifFSNACzh/zJFQISqoQJzSqh7TFP93VvbmOmW4/Yent9cfBo1pWQ0vZUpZK4f6ooZ"
    "oJnBWwh0QqrM2N3D06MEYmasSgCm9W0FDDOCGsbYPFJlX3LEdZZNexiXLNEWdx3O1cWLO8"
    "7LcjrXNhNARt8YonqFArKy2O6APd4TYHk6Mjux1c8nSVSfTW0+m/hibdpOPVe4e+p+/T3V"
    "k8BtCng3sW7EiS8o33EOV1DM6qaldMKbdhp33H2oncZPcdWLnMa69a5uvdvmXOFqrXeLIx"
    "0SuAd4yxqgq6iF66BL6dmN1v5MYVYWCRJhWiUKRKxktXTpiEMTsRg8HyMMaCATAHlswgEL"
    "2kCuHxfjhHgJZnQo+/MBeYdg2JMwrnPuW8wjJjxvEjiA/jowJRTbRHzGdx64p+NtDL6w5B"
    "KH5cWh5RfRZPf7V7zmJy8EOqUIIkyFyS1exV64ZHEQpmtDiif0EHDRhIVjsCgURHeEBcJ5"
    "WXQN++5srEdXKvr8kna9dHr+xPBxK+Y3AkYXDW1XKIa0SlWJfUnsSdP6Ymdn4FtXR3G3DG"
    "TzoRa1kZD74RXdnXO/Cg91VMxDHWV4qH0JD2rYHaFjgx57a9cdG7Qhoa25bHUuW2A2o1oq"
    "1fQ3gTsh2j3EG2G0E7q+0usxLVYL2C1KNj6tgvRpMdCnhZ4DTXJ3he6s1JeXmq6KVGdCRN"
    "Oc5TSnIAa2pjizmUL7Ce9aqjOxuZRpziYpvCG1/s1pL4e8i+4clNF2MB7Tmo6yhVZP7qOd"
    "Y/FEy7cdodR6E72YR3pArpdb8rRYKUmIdNCy6Q8GVYLFB4OSxiiDjN0e1uesinA0vIPoNl"
    "PxhGA/1w1XXJEuIbL7anSPowDUVnfuUbOTv/0fGbGyTA=="
)
