from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# SQLite cannot drop a table constraint (the unique resident+unit of occupancies):
# the table is rebuilt without it (edited by hand from aerich's output).
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE "occupancies_new" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "resident_id" CHAR(36) NOT NULL REFERENCES "residents" ("id") ON DELETE CASCADE,
    "unit_id" CHAR(36) NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT,
    "starts_on" DATE,
    "ends_on" DATE
);
        INSERT INTO "occupancies_new" ("id", "created_at", "resident_id", "unit_id")
            SELECT "id", "created_at", "resident_id", "unit_id" FROM "occupancies";
        DROP TABLE "occupancies";
        ALTER TABLE "occupancies_new" RENAME TO "occupancies";
        ALTER TABLE "properties" ADD "archived_at" TIMESTAMP;
        ALTER TABLE "units" ADD "archived_at" TIMESTAMP;
        ALTER TABLE "residents" ADD "deactivated_at" TIMESTAMP;
        ALTER TABLE "residents" ADD "deactivation_reason" VARCHAR(500);
        ALTER TABLE "residents" ADD "active" INT NOT NULL DEFAULT 1;
        ALTER TABLE "payments" ADD "requested_amount" BIGINT;
        CREATE INDEX "idx_occupancies_residen_3e7bad" ON "occupancies" ("resident_id", "unit_id");
        CREATE INDEX "idx_occupancies_ends_on_e182d5" ON "occupancies" ("ends_on");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_occupancies_ends_on_e182d5";
        DROP INDEX IF EXISTS "idx_occupancies_residen_3e7bad";
        ALTER TABLE "properties" DROP COLUMN "archived_at";
        ALTER TABLE "units" DROP COLUMN "archived_at";
        ALTER TABLE "occupancies" DROP COLUMN "ends_on";
        ALTER TABLE "occupancies" DROP COLUMN "starts_on";
        ALTER TABLE "residents" DROP COLUMN "deactivated_at";
        ALTER TABLE "residents" DROP COLUMN "deactivation_reason";
        ALTER TABLE "residents" DROP COLUMN "active";
        ALTER TABLE "payments" DROP COLUMN "requested_amount";
        CREATE UNIQUE INDEX "uid_occupancies_residen_3e7bad" ON "occupancies" ("resident_id", "unit_id");"""


MODELS_STATE = (
    "eJztXWtz27a2/SsYfWkyo/okfiS+6Z07Yztu6jSxM47Tdk7cYSASslBTgA5BWvFp898vAJ"
    "IS+BRBkzLJYKaTJiQ2SC2AwN5rP/D3yEcEEn/ng0cXyPPvR6/A3yMC54j/JXNvDEZwsVjf"
    "ERd8OHFl40XYCiMm202Y70Hb53em0GWIX3IQsz288DEl/CoJXFdcpDZviMnN+lJA8H8CZP"
    "n0Bvkz5PEbn//klzFx0FfeefTPxa01xch1Ei+MHfFsed3y7xfy2qdPZ69/li3F4yaWTd1g"
    "TtatF/f+jJJV8yDAzo6QEfduEEEe9JGj/AzxltFvji+Fb8wv+F6AVq/qrC84aAoDV4Ax+t"
    "9pQGyBAZBPEn/s/1/0akozyzq/uLI+nl5Z1kgDO5sSgTsmvgDq729hv2tA5NWReMDJL0eX"
    "T/ZePJUQUObfePKmhGv0TQpCH4aiEvQ1yvL/GZxPZtDLxzlun0Kav2gdjOMLa5DXEyyGLw"
    "aoBUhHc/jVchG58Wf8n7vPnpVg/NvRpYSZt5I4U/5FhB/LeXRrN7wn8F7jCx2HDwbTgVgR"
    "2R7Ko7ambRLjg0oYH5RgfJCDsWfP8B1yLOhncX7NgfLxHBVgnRRN4e1EsjvxXyqgH60SXZ"
    "niJWhfnb0//Xh19P6D6H7O2H9cidfR1am4syuv3qeuPnmRGphVJ+D3s6tfgPgn+PfF+Wl6"
    "KVq1u/r3SLwTDHxqEbq0+GxXMIkvx5cS42x7SOBeY5iTkg2McudWMv4DnQvi3kczsCfDHn"
    "0smVEXSsH0VtmwxIUJtG+X0HOsxJ319OBj4ecstMeR2M+/XiIXSmCzcyDSjj7xLno4+t/i"
    "+R5fjWeBgI3u0iIgs7fmu/P0FUjgjfxJ4tniSSpWORpmjGGxdrkaqGYVy8+x2iqVWz5WyB"
    "39abTNLmmb4aBo6EIrgQHqm88r6ULPS3Sh50YXMrqQ0YWGrQupox5vcJbedpUSa3Lf6u4n"
    "vWGbyqiYWZSzEP9MPYRvyK/oXgJ9xt8FEjuPEMmh2/oJbUap5Jc9uFypUOnJxTFwkIt8ic"
    "Iln/CXZydXo29VFHhq28GC4xnRjvXV+IuooyHBnlgHJth1H4jRMe+it1v4di2d9XTKMXcS"
    "c63Y5knN7Y2Wz+j3GQWuUMcAJmA5w/YMCLuJ/xWRV8AOPA8R8S/sIvAFEYdZlHwBmPFWDP"
    "k74JIuGYAeAgTdIaksq+g23P01Cb95ZwwYBRDwpRY7ooM5vAcz6jqAiWbQBXypwNRh4qmU"
    "IPnMndG4iqPg8yjuNWrvh9adMecezZzju5/ni5mRr4Pmg50QKlM/e7s65aEstMeUqRZ9VT"
    "rYKSKtI5eZsZ0Bztg+hUAO2PaJV39N2yclZmyf1MckNlJNSBURA2e5KamqLA80JS+VrvoJ"
    "7UZTMvWtJkzJk6OPJ0evT0eZydsAtANz+6RhVb5Xbeu8TbtqNaNzzCp1thdbVfGEMWFKA7"
    "c0AoY83V1qLbJdvDu5RyV8RHwy3OVEfR1T6iJICrxDK6EUmhMu1dbiGWO7XSiPLy7eJZTi"
    "47OrlAvu0/vj08snzyXavBEOF9Sz86sU1A6SuNU0V7LSxinXZafcarw4Bha3xFiedV/s7C"
    "4Qr+X67tgobyEK0LACxegPixWoFR1mnEtVnUtL6HIL4YEo/S47GSpE2/O/9RKeBbyfx1ZZ"
    "fYQ+hL0MFSQPCS8b78ZqBq7LuL8B4tYmC3EUONg/Jb6X695V7o7LmAgo2lkuvekWE3GMb8"
    "6Ir8FF4OzEibbhzhrF/GX5/378n93dvb2Xu8/2Xhwe7L98eXD47JC3le+bvfWyzPw7eyMM"
    "uYRGE1t2xQwFH26qS1GoMg/gKDqm6zdHUuiZT2uJAQYLv9ivYDG92C80mMStJMB08hey/R"
    "AkDZRTYgbq6lDnLQ4bgc5dHQzMeTBP0JR6OZP57ceL83yM1xJpqx/bPvgHuJhV0aP6swAL"
    "KBKWfYznk/dHf6ShPnl3cZxeqUUHx+mleuqHEWZVYV8JGNTro274ruKF5rvlu1o1lGybBv"
    "ne2vjWuMxEcpFzgzwLhm1bSQC0qSPnaxi/at+b/L9uuXHj8amqA8XtB6j+HFZxgRwWe0AO"
    "Mw6QW/67dMCN2w8Q3L3dCuDu7RaCK26ldtt4RdGZvYrMEEGugnExxBntHbpxlFZ1DksR2k"
    "xkNYXws7bg3SKRtcZ9FuFaHfRYwiBeD3HoulznI+gG1onDyQhvMR5ndaW3ATnGair+GL5b"
    "q0lZDKm4lP0iNfxwv9Bw8vRs9Ks5dvmw8E4e6tgNexkSSFp2dzrUohjNC4KuKP+jwXiLbr"
    "Jm+YhqkBPyq8thJuKvcSMtsfryu+O8NfxD0/wDnMc0VXVtdy2zPX13IN7yRKawH2hVwVxL"
    "bLEI5tHJ1dlvp23N6VT5pxcV7OfnaaVJKf70Im1BYwfNF9QXlIN1i7SoihzRZmB/3MiQ9u"
    "u7emiKBMmjRWsmhIYX3t1KYTNjuBWjPyzDLRkFJJ1F2nFVqpTJUS7PUYZr590D82gVN2A/"
    "gd2YSpucWZ3Kpn1LA49AtzCSNXF/XMEiQrylOQFg8DaR0Rq3rzVO+fORt/Bw3rJbjHdKbI"
    "A+xeaDAo1XvEWvuPpaGhinxMwpF1XyWztraT7e2mwMTWNoJtptwUNoXGBNuMA0bZsYrhyz"
    "RkFyo0Wjjl2rJs1n1ahWlgW9gqUmea9Zd4TxC3VkIExY5dbDKq2CJJ0KwZVWUbqOmegaE9"
    "1old+JVmncF5t0x1oEplo32/d0T0BRZQyg5f4gFHsIHugNSjsc+ontRpeQOrUKHEI5S4Lx"
    "tvXb2xbFW+YYpOtIzGJ7VCmx1XQKpFpx2qRBdtPlZqyetq2eBSbWDLKZDsKqzPCCsnYPDq"
    "r4MQ8Oiv2Y4l7Kjwmxy00TgRz0fTRf5BUxK7QvC6QHk1a2+3z/5f7h3ov9lWW5ulJmUGaN"
    "R5fatxwovhXinNNTy83HtKypINzlCsJTj/4X5fhSS1MC10ImFVAjFTCErUad5ozg8HYLU6"
    "HZcGAV1jRzbtMj1kfsFrXY03MxSngwc3bTSIOrKTu7qR5ZU4Ezi/Nj22fMujC9W+DLHsSB"
    "yRLmOQxYXNq8mP9a1U9vOQojqTdwWHiLFEWmBGeIew7vMj5CM0pBNKfMPi5bRoL5JM91Xa"
    "ygryUGGI5eKRq9JBg9rZX72He1YkpXAgOkIVuJ9i+Nkr5CXwvoseFFSZdZNad/XCUMmkyJ"
    "1JVR8+7i/E3cPF03NTW17/VqW8ftBzmxm143TMzcY5UPkyBaC6gbM5oSHAzPbmIWH3t1ad"
    "h718VqIVnV+sPp+euz8zfW0cmv5xe/vzt9/eb9aTh7trCcV8mT2y3Ok9vN5Mmphk+Wmi3Q"
    "UBSZMlK2h/O7BF5BqmbIuFtClzLLoA69nSNu3HRddtM5mC0CHxX6jkqU+ozkEJxH21bs1y"
    "gyjqy2YZUrbcZBfxxswbe6NT6DjKBBvwb6xp/6HfpTg4VTc9STkmbUuzLqOSpHzmmhxove"
    "ghed/xpdSBURc2ajcaBv2YGenrwNYPsp6qaXM3YjrMrnqh2ToPggqY/th54cL/zi57KjAU"
    "3jZNj9lg/+7smcbLU2hphVJ4LYlzEQucEY8e3xppgMy1ZabgrNENE3wKNLsEAeQIKBRfzn"
    "zhBwIfOB6A6Ejngwg3w8HEADfwdcwVsOYXSHgVAnZVwOy1mjgtz4A66J6A0TsdDKjqQdJF"
    "rzX0pYeIDwGDC6kp7BOwQIBTdwwQD1gBMsXGyLDndG4yoxKFqxI99LtY8HJkYUh4qIiWEV"
    "xYuUucZSgsY1Vt01plFFqe1lMNpcC1bB9da7YRFUNvvNi+ARCJsDxrcsACd8DQIwXJwm93"
    "KRYfYMOYGLwJPrEb1DnhOga973dXT68Ku98F+yysarl9ejp3KRyyyGbT3omoQTFiwg9gBm"
    "YDmDPpjDW75oImjPAOWr8A0F8nn8BjcB+CWbQzGjS8QfAyjvkMg3+ItOgBeQwsXxswRY3A"
    "x/i0lM7Vio3eoTqRxqt5IYoFu7+aAZ8e3WYO4UsQHSdv2l6bLsrNxA9BYrRcTwc+WMUrx7"
    "PJDxiAPU+wnpRspDmVAJyuPk6OPJ0evTxyqZEZv1eUUc1xZ/sW6mkgudyxuIZ2btYo9GmW"
    "lamXmkgskds7gTCs1+FYVmv1ih2c8oNIvA48OiBbEiYnTGCjrjwqN3fN3RyoBRZQYIcvNn"
    "p5lo9keKpvYQ//FMbpk1hiBPutZgdMyTYCLbO7LSNBzZPkV5572XTPBIwBDS9WZ0LzIJeq"
    "ybdODwqPTK3SF1u6UTR+WWZ9U8Q6pAfAjxt20fJSXq1QUe4mA6WgZPWm54WDd/slSM2Rwx"
    "Bm9qwa2IDg/xto6YCkQgRU1VPCNstJZ6WktsvVu1KKx86eF9Au2c/jVD9i0NfCvwcjwNJW"
    "ZQSm6QcFfEuxTwLOIuFt5NhmwPaWkyGcHhYb5XCfK9EsT3TBnG4SeQVEkbsul8IRyBtcY9"
    "JWuSk00IQq/HVCNDyCRemVShLUPbQqrQdgNnurkQ1I6bafysGXVcfJtiYmFyR3MjL+O8mb"
    "jSaZUsI9nl2brHYYzWN81wo9/RZEbp7eldQcxR4v649LSesKWF7iqHH42uZihKWfmBAUwm"
    "9CugUxCb5iDs6hVgPv8EHRAGaIMlApCwJb+/++zZGPA34iaOI8K74SiFXeMPuCZL6t0Kya"
    "/8h7n3MsYbPIljw/mNZN8AO0+Lw7zV+APZXHxXJti7U/FRJq5kC3Elq8mvAbIqM0CQW/GK"
    "SYA0MI7bDxDfVnjRRwqm7JhusgWgF/DepTBnvXj78eK8YFFei6SZGWz74B/gYtZjcygPXA"
    "FGgo/J1FNKl05K7Y+ig3Q9pV4Ei3Br5OT07LfT120pG61HWuofFGdOh8smQSsqhufRHCWu"
    "uPjaSmAIS3IZc9tG0TUP2Qjf1aLRU6LGf9IVWr2K/4RbPjZirNbAp2WN/6TL/hPCF874QN"
    "Iag50jvpXx7sh5W70bbuMO/16W845UKhF1SKaiiFA4GhliOnF/XEZME6Vl+2mxhq59VLo2"
    "YMjTLVW5FmnXAd2RvUfDrX/LX17H0o/bD5AvbD4p2Bwp1jbdPaFOTrJNsckftzeHiOmfNc"
    "AXZB02Nm7/ICq2P+ZdK0ys0DtrESzQmNjG5jI2V3dsruQ5mC6+Q969xYEOao1+fg+GXunY"
    "p65haGdmB35olW3VfH4dzZcergOlYXDboCZW2G2gKFSMq1EVVnKoqxWaVjsA8j8E7BkkBL"
    "mvgO1C/p2vwtwYIo6o6gyJA+bQu+V3ZNFTWdo5G0rXbPfXxEO8a1GO2gMeWsj9SlZGJbJa"
    "qpBmAN7wMQ1LrUJXLPn3YImIP5adRhmsDLAZXRYH2ZEUURS9r4mz6xZxEw9LBuqybMKVyA"
    "At4sMK9vBhoTV8mA1NsvEC5yYPlIUmKUIDxHj3oNIJoQclR4QeZAog9CNAJjqXta1FwsTH"
    "9Cw+Rtb21w6SSUqZSBl94mxVh0Av+jklNgTkt1G3IFRR6zAqCUnDm3XNmO5c+XgzvoYXNb"
    "yoOdHVjPqDTnRNMGJ6TEyOqCkwUF5gIM2VPTARPh2j1U+IN2bE50y0Lp0ooY7Ch3Wy2QbC"
    "+kMiLa0iZb1YCWlw1iL+6gcW88giTVseQxjlbe+AcyqONwzPNIzGmIEngiXmk04wzJQ83Q"
    "Fn5EfxkqmBbfwB1yQRTgighwB0l/CegaWHfQ7QT6IfJnqyxQGKaA6xK/nqj+8/8p7c+zbO"
    "RDR89HADCR+1VG8zcYTyI8hxWFLqIkgK8q9imRSWEy7U1mYSI7tdII8vLt4l1LHjszRx9O"
    "n98enlk+cSa94IhxtLTiXveZ5fuAzmSMKAXB3keSCsCRHrmgN2cchbSmz7ScjKsjwJsOtj"
    "wnbE8x5jZW4lIM6YiIVDMTATsSNJKm/4BOC63wklU3yTp1EnG5Qq0jdhU2Fu8LZVz9Ul6/"
    "JGDPnilG4GptSTkRmxj2AHnHhIVELDvBOpsUb1jrii7t0v+BzeyejNTXZsdN1OqGNdr3HU"
    "oSMpmvdXO5gtXP51y39rwJyWG2AQRjuevvXCZK1WoyzwxZ7twg4GMQLb9nLDBbYmkCHdgv"
    "FpueH5uVs5ogIzi6sN+C6vVGaZMZiQMyZhdZOQAxe/uTbiiuAWIV9d6S3msVqqY4OrMib1"
    "rL6lbVzwxct7Py1t44L/Hke94/zKJRIHp3LcP4Sn2o9yKJZMm3EZy+LFra1F2Lwq0QLicv"
    "KCEPFhmNuCxRwIQuvfp4B3CaYenQsPIPbAErou8kWeDATMniEncNGr8F6Wb2m2/2tCF4gA"
    "UaudiYrXX2TVdjEPv4BgIfr6Eh5A9mUMqDcGS8y/yMDnHYmGQDQcr5qI5rzXaxI7TL/I6k"
    "1eQCzxxX4BmEnf6QJ5mDr8tbDYY4XUhF+E2PmJ9yuydZATt+ESUf7PNYF+1OG6HBR/SW56"
    "uQD7gAW2jZDDRJ6QfIgLCe80YIhVJJc+K/H1iRcf8YafUxuSKMAtrqpHLSgt/jRM1aMyVa"
    "ZmRts1M8wR7+ZY8a5M8KaPFZen+mpCnBAaIMbPq5GvJdxrpupOrGrowJwQGh7L1/yZ4l3M"
    "MswJOTg6uTr77bQtJaPtqcwh8/xQV8wALQzeQqAVqTJjt4erRwnEwlhNAZjUtzUwzAgaGP"
    "tXbLcriHaccckSbfHh7Ha+Ll6oiGfkTJ5zJniP7xhx5RANZNNi2wN2ryfAylRwsWLrr08p"
    "UbM2dXltkoO1XmgcLTU/V3h46v7ebhXLdbfYdN1Na6IqcHUBHybWrQRQxJTvJIcrKGZ1k1"
    "Im2dA4jQfuPjRO4+9x1IucxuZAeHMgfJfztKsdCF8c6aDgHpAH1l9dRS1cBkNKjW+17moC"
    "s7JIkAjTKlEg8UhWS1WPOLQ4FkPmwoQBDXQKoIxNGIugDeT560KokNyDOW8q/rxDbAccjV"
    "IYN9n3NZERE4xNAxfwXwdmlGOrxGf8wMAtb48J+CKiIV2Rk4juv8SHmD99JeutyiKsM44g"
    "IlyYXpNV7IVHl+MwVR5yPCFDwENTEY4holAQnxEOCPsV0TXi3UVbxkcqen7Jcei8e/nFyH"
    "Yr5jcCxhRs7VYoRmqUqhL7KbHvmtaPZ3YGvk01LLfLQLYfatEYCdkPr+j2nPtVeKjnxTzU"
    "8wwP1ZfwoJbdESY26LGndtOxQTUJbcNl63PZMWZzrqVyTb8O3Iro8BBvhdFWdH2t7TEp1g"
    "jYHUr0PqyC9GEx0IeFngNDcg+F7qx07jk3XTWpTkXE0JzlNGdMDDyY4sxmCvUT3o1UpzK5"
    "tGnONim8Y+zbFJMjO4xQyiHxUi3GZTTeJGxrwbCxBpG3hL49+1FUYwSRsCTFIrYqzHOSRR"
    "uxLzKVbITv0I98OeBTlgHZXlS/ORM3+YqQGrrmn3BNMAMutcUhSssZdoUkiBvzW9DlN8Us"
    "locr+UtJIcrstug4pRuZJ4aAnLamKE9X1rxxCb/GZ4vmmRBricEV5GneCCGIfyberQ6+is"
    "gADermax7JsGP52zQYzqTQYAijZsMsmQ1rx1kqsibQsjsRFFmbwliSxR/VsCxJjWoLChMf"
    "qn8PPQg21rfD3no4Fx4lFCGFWokds8a1gh2jDmm1mhTSblBMARZwE8GnImAgtABegfm/nv"
    "1Ljo0wPoS1odgjOYU/G+o018MP11ZduMUbn36nbA5dZe0R9LQeOaPh+tuvamIoIoOz4Vqp"
    "8xktSLrca0LqAetEf9RfjTj9gOWVSi0tYxiLmAKGGgUMhfLNrHB71Vh002LbW3uf92ThnX"
    "oIWfKweV3LKSlp7GNjHxv7+PHt44RSFZoQmht+Usr4W8v9rYqZ9kCXa9ab1098NzpckxPs"
    "AaklmNxRbDfE6pyFnQ0I922wOjFqxayOgutmVkcd0SqkTvSMmGv5gQGujswZeBIZh+PYEy"
    "yGU5TuJA5dPpW+ZJG5If3L9oxjBtiMLlkexdPGI4xDuQOL+riE3OkCHZFdVQbGRxi3cutu"
    "5TCdwGLQz9skN+YhrASHxFluOR9BAGTNMaE5BnbZCCTlzACYhJDOJoSIsq/YQ054Hp83D8"
    "971qDpijsY0rxvjLNDXxccLVaDzUlKDpDN6Ql7U4m0k2GxlqzurzvOKdHtDHRHztru3ThH"
    "QQRODTUtIzqYIMBtKwk1d65H3LD6EoUpTofEfq3pnREdDLrbnt4xkDUMkaysGYV6oyBjiu"
    "0ZEnRh3ZDkpLjxunZ5Yzde1+IPcMBe15AItjw01fW8ZiSN97VbMWzdihlsx6G9noQNOrUH"
    "FzI/Tju1M9/uAxzb/EmEQbvAGKnh3L5adzigMchxcGdWiix8FwRdUf5HxRn8gAT4LiwOm9"
    "PfE2tjlUnbRNyAOiGLYwdS03Zz/ED6w6kSQ6DICCe/OI4TEhBFIvzAwMrPDxkQKjhgCBFx"
    "kujKs58XNtBQr7mpIXgdUuF/FadwmuCBLgUPyDHJ4Fxy7ubXJjPRH1uxTziaXuxX8DS92C"
    "90NYlbSQXwDrr8e9CnkpJyQ3IrbZnEmIhwJ2vG1cCZTjXOtFitEegYV9FGRU6tEm8rgS2e"
    "Uvhua2cUHlapN1Zcbiy9cgh8IrJEI1tHkdpiws7jGI0N5uvQgCtkeWAXT2ZFZHh1Chuey1"
    "PsifIUXGWsQS5mhAfIL/aETzQ0sqGRC0Y9MvI0mc6klKGPy7lOxZBuhuccXhLJOEUXJSdY"
    "pwomvqWTgtNOojvjMgrpLzrRPOGE2TPkBC5yAJeV54dMqSdLBzKX+uLUEH+GWVS/8BXw0E"
    "KuxoAjhu+QhxFTj/zIcEjNP+KaRLWgAfRQVDjRkZkq7BYvFvzvlE9ygH1RJ/E1X9Z+AhBE"
    "ZaTBLUILJsuXIM/jLzFD/OIT3vU1uUQOF3D4Uvwjnws+8gCf0kEsQqggw2wkBvlpManFf6"
    "BUKvnvMoRWtwitaGiqKvJRc0NnVaCz5HTX1OpimQHqcz3R3yqp7f04X2V0+en8/Oz8zXYo"
    "neYznNY7nQYZmRQaTDhbc9WYwqOTdCBVRQygGUCnU2T7WqVrVBEDaCYFRuigWTSv0NcCOF"
    "cCQ+AWy7bJ0z+uEjtkvHg+eX/0x9PELvnu4vxN3FxZbE/eXRxnHRNePQYqKTlAjWXADNQU"
    "E8xmtYY9JWrClLumqGZIscehbI64EmbPRjmUTXRnXEbZwHWbTYRN8cA2XIujuP5nxZ08mu"
    "idjStrZicvJhu4Xs6ieK+qdpMiMkDSYffgoILRxFsVWk3yXkoh5R+VBsJR8wGi20plE/5E"
    "Pzf29O3Hi/PCRMJYJL1bYtsH/wAXsz4GKZWAK8AoV1XTWmlq8xMdHOd5eLa5mX37fzMpb2"
    "A="
)
