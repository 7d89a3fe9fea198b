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
        ALTER TABLE "residents" ADD "deactivation_reason" VARCHAR(500);
        ALTER TABLE "residents" ADD "active" INT NOT NULL DEFAULT 1;
        ALTER TABLE "residents" ADD "deactivated_at" TIMESTAMP;
        ALTER TABLE "payments" ADD "requested_amount" BIGINT;
        CREATE INDEX "idx_occupancies_residen_3e7bad" ON "occupancies" ("resident_id", "unit_id");
        CREATE INDEX "idx_occupancies_ends_on_e182d5" ON "occupancies" ("ends_on");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_occupancies_ends_on_e182d5";
        DROP INDEX IF EXISTS "idx_occupancies_residen_3e7bad";
        ALTER TABLE "properties" DROP COLUMN "archived_at";
        ALTER TABLE "units" DROP COLUMN "archived_at";
        ALTER TABLE "occupancies" DROP COLUMN "starts_on";
        ALTER TABLE "occupancies" DROP COLUMN "ends_on";
        ALTER TABLE "residents" DROP COLUMN "deactivation_reason";
        ALTER TABLE "residents" DROP COLUMN "active";
        ALTER TABLE "residents" DROP COLUMN "deactivated_at";
        ALTER TABLE "payments" DROP COLUMN "requested_amount";
        CREATE UNIQUE INDEX "uid_occupancies_residen_3e7bad" ON "occupancies" ("resident_id", "unit_id");"""


MODELS_STATE = (
    "eJztXWtz2zYW/SsYfWkyo3pi+RFvdmdn/GrqNrEzjtPubLxDQyRksaYAlg8r2m7++wIgIf"
    "EtgiIlksZMJ01IXEg6AMF7z339NfAQhtjb++QQGzneYvAO/DXAcIboX1L3hmAAbXt1h13w"
    "4Njig+1glIlcPm7seg7UPXpnAi0X0UsGcnXHtD2TYHoV+5bFLhKdDjTx4+qSj80/faR55B"
    "F5U+TQG1//Qy+b2EDf6OThP+0nbWIiy4h9YdNgn82va97C5te+fLm6+ImPZB831nRi+TO8"
    "Gm0vvCnBy+G+bxp7TIbde0QYOdBDRuRnsG8Z/mZxKfjG9ILn+Gj5VY3VBQNNoG8xMAb/mP"
    "hYZxgA/knsj8N/hl8tMkzTrm/utM+Xd5o2kMBOJ5jhbmKPAfXX92DeFSD86oB9wPnPp7ev"
    "Do5fcwiI6z06/CaHa/CdC0IPBqIc9BXK/P8pnM+n0MnGWYxPIE2/aBWMxYUVyKsNJuATAD"
    "UA6WAGv2kWwo/elP5z9OZNAca/nd5ymOkojjOhT0TwsFyHt0bBPYb3Cl9oGHQxXBmIIyLb"
    "Q3nQ1LaNY3xUCuOjAoyPMjB29Kn5jAwNemmcLyhQnjlDOVjHRRN4G6HsnvhLCfTDU6ItW7"
    "wA7burj5ef704/fmLTz1z3T4vjdXp3ye6M+NVF4uqr48TCLCcBv1/d/QzYP8G/b64vk0fR"
    "ctzdvwfsO0HfIxomc43u9ggm4rK4FFtn3UEM9wrLHJesYZVbd5LRH2jcYGsR7sCOLHv4sK"
    "RWnSkFk6fIC4tdGEP9aQ4dQ4vdWW0PuhZexkF7For99OstsiAHNr0HQu3oC52ig6v/Xex3"
    "cVXsAgYbGZE8INO3ZqNZ8grE8JH/JPbZ7JOiWGVomALDfO1yuVD1KpZfhdrKlVu6Vsga/E"
    "dpm23SNoNFkdCFlgI91Df3S+lC+wW60L7ShZQupHShfutC0VUXLzhN7nWVEKvzvdXeR3rN"
    "ayqlYqZRTkP8E3GQ+Yh/RQsO9BX9LhDrWYRIBt3WTWhTSiW97MD5UoVKbi6KgYEs5HEUbu"
    "mGv706vxt8L6PAE133bYpnSDtWV+Nvwon6BHvsHBiblrUhRmd0is6+wrdr6ay2U4a5E9tr"
    "+TZPYm+vtXwGv08JsJg6BkwM5lNTnwJmN9G/IvwO6L7jIMz+ZVoIPCBsuBrBD8B06SgXeX"
    "vglsxdAB0EMHpGXFmOolvz9Pc4eOaNIXAJgIAetabBJpjBBZgSywAuGwYtQI8Kkxgu+1SC"
    "Ef/MvcGwjKPg60DMGo73AutOmXM7M+fo28/x2M7I1kGzwY4JFamfnT2dslBm2mPCVAufKh"
    "nsIiKNI5fasa0BTtk+uUD22PYRp7+k7ZMQU7ZP4mFiL1JJSCMiCs5iUzKqsmxoSt5Gpuom"
    "tGtNycSzGjMlz08/n59eXA5Sm7cGaHvm9knCGnlepa3zJu2q5Y7OMKuiuz3fqhIbRoUp9d"
    "zS8F3kyL6lViLbxbuV76iYj4huhueMqK8zQiwEcY53aCmUQHNMpZo6PAW224Xy7ObmQ0wp"
    "Pru6S7jgvnw8u7x9tc/RpoPM4EC9ur5LQG0gjltFcyUtrZxybXbKLdeLYqBRS8zNsu7znd"
    "054pVc3y1b5S1EASpWIB/9frEClaLDlHOprHNpDi1qIWyI0u98kr5CtD3/WyfhseFiJqyy"
    "6gh9CmbpK0gOYl42Oo1WD1y3Yr4e4tYkC3HqG6Z3iT0n070buTssYiIgG6dZ5LFdTMSZ+X"
    "iFPQkuwkxvnPA13FqjmH5Z+r8f/zYaHRy8Hb05OD45Onz79ujkzQkdy79v+tbbIvPv6j0z"
    "5GIajbDs8hkKutxElqKIymzAUbRM16+PpJAzn1YSPQwWPj4sYTEdH+YaTOxWHGAy/gPpXg"
    "CSBMoJMQV1eaizDoe1QGeeDgrmLJjHaEKcjM38y+eb62yMVxJJq9/UPfA/YJluGT2qOwcw"
    "gyJm2Qs8X308/VcS6vMPN2fJk5pNcJY8qideEGFWFvalgEK9OuqK78o/aF4s39WooaTrxM"
    "/21opbwyITyULGI3I0GIxtJAFQJwbfr0H8qr5Q+X/tcuOK9SmrA4nxPVR/Tsq4QE7yPSAn"
    "KQfIE/1dMuCK8T0E92BUAtyDUS647FbibStOFJndG5HpI8hlMM6HOKW9Q0tEaZXnsCJC64"
    "msuhB+0xS8WySyVrhPQ1zLgy4kFOLVEIeWRXU+jB5hlTiclPAW43GWVzobkKOspvyH4cVa"
    "TZHDkLBL6SdSwg/3Mwk2T8dWv5xjly4LnWRTx24wS59AkrK7k6EW+WjeYHRH6B81xlu0kz"
    "XLRlSCnOBPXQYzIZ7GtbTE8slvj/NW8Q918w9wJmiq8truSmZ7+m5PvOWxTGHPl6qCuZLY"
    "YhHM0/O7q98um9rTifJPxyXs5/2k0hQp/nSctKBNA81s4jHKQXtCUlRFhmg9sO82MqT5+q"
    "4OmiBG8kjRmjGh/oV3N1LYTBlu+ej3y3CLRwFxZ5F0XFVUSuUoF+cow5XzbsM82ogbsJvA"
    "rk2lje+sVmXT/kJ8B0MrN5I1dn9YwiJCdKTqANB7m0hpjdvXGif085FjO2bWsZuPd0Kshz"
    "7F+oMClVe8Qa949GtJYJwQU10uyuS3ttbS3N3ZrAxNZWjGxm3BQ6hcYHW4wCRtGwFXhlkT"
    "QXKtRRNdu0ZNmq9RozpyLMgVLFXJe/W6I5RfqCULocIqtx5WqeUk6ZQIrtTy0nXURpfY6E"
    "qrfCFapXJfrNMdKxGY0brZniPbASUqowAt9gch4SHY0BuUdDh0E9u1LqHo1spxCGUcCcrb"
    "1m1vWxhvmWGQriIx8+3RSImtulMgoxWnVRpkO11uyupp2uqxTaxNoTuVQTgq07+grNHRUR"
    "k/5tFRvh+T3Uv4MaFpUdOEIQc9D83srCJmufZljnRv0spG+4dvD08Ojg+XluXySpFBmTYe"
    "LaI/UaDoq9DM6J5abD4mZVUF4TZXEJ445L8ow5damBK4ElKpgBKpgAFsFeo0pwT797ZQFZ"
    "oVB1biTFN9m3ZYH7Fd1GJH+2IU8GCqd9NAgqsp6t1UjawpwZmJ/NjmGbM2bO8G+LKNODBe"
    "wjyDAROlzfP5r2X99IajMOJ6A4WFjkhQZJHgDHbPoFOKFpphCqLqMrtbtgz7s3GW6zpfQV"
    "9J9DAcvVQ0ekEwelIr90zPkoopXQr0kIZsJNq/MEr6Dn3Locf6FyVdZNVc/usuZtCkSqQu"
    "jZoPN9fvxfBk3dTE1l7I1bYW43u5ses+N1TM3K7Kh3EQNRvKxowmBHvDs6uYxV2fLjV779"
    "pYLSStWn+6vL64un6vnZ7/en3z+4fLi/cfL4Pds4XjvEye3Cg/T26UypOLGj5pajZHQ4nI"
    "FJGyHdzfBfAyUjVFxj1hMudZBlXo7Qxx5aZrs5vOMF3b91Cu76hAqU9J9sF5tG3FfoWiS5"
    "GVNqwypdU6yK+DzvhWq8JjkBJU6FdAX/lTX6A/1beNiqsel1Sr3pZVz1A5MrqFKi96A150"
    "+mtkIY2IqJ6NyoG+ZQd6cvPWgO2XcJpO7ti1sEYeV+mYhIgPknimvmnneOYXv+YT9Wgbx8"
    "Put9z4uyN7stHaGGxXnTNin8dAZAZjiNvDdTEZmh4ZuS40g0XfAIfMgY0cgBgDi+jPnSJg"
    "QdcDbDoQOOLBFNL1MADxvT1wB58ohOEdFwQ6qUvlTL5roiDX/gH3mM1mYnbQ8om4HcRG01"
    "+K3aCB8BC4ZCk9hc8IYAIeoe0C4gDDty1TZxPuDYZlYlCkYkdeSrWPDRMj8kNF2MbQ8uJF"
    "ilxjCUHlGivvGpOootT0MRi+XHNOwdWrd80hGHnZrz8ET0EwHLj0lQXgmJ5BAAaH03jBDx"
    "lXnyLDtxB4dT8gz8gxfHRP574Puw+/Owj+xatsvHt7P3jND7nUYdjUB93jYMMCG5oOMF0w"
    "n0IPzOATPTQR1KeA0FP4kQD+efQGNQHoJZ1CMSVzRD8GEDoh5t/gDzIGjo9zD8evHGB2M/"
    "gtKjG1ZaF2y0ekdKjdUqKHbu36g2bYs1uBuYuI9ZC26y5Nl2Zn+QtE7rCKiCh+rphREm+P"
    "DRkPEaDeTUjXUh6RDRWjPM5PP5+fXlzuqmSGMOuzijiuLP583SxKLrQub0DszMrFHpUyU7"
    "cys6OCyS2zuGMKzWEZheYwX6E5TCk0tu/QZZGCOCKidMYSOqPtkGd67khlwERleghy/b3T"
    "VDT7jqKpHUR/vMtfmRWWIEu60mK0zJOgIttbctLUHNk+QVn93gs2eCigCOlqO7oTmQQd1k"
    "1a0DwqeXK3SN1uqOMof+VpFXtI5Yj3If626VZSrF6d7yAKpiFl8CTl+od1/Z2lBGYz5Lrw"
    "sRLcEdH+Id5UiymfBVJUVMVTwkprqaa1COtdq0RhZUv37xFopvvXFOlPxPc038nwNBSYQQ"
    "m5XsJdEu9CwNOIWybzbrpId5CUJpMS7B/mB6UgPyhA/ECVYex/AkmZtCGdzGzmCKy07glZ"
    "lZysQhA6vaYSGUIq8UqlCm0Z2gZShbYbONPOg6By3MzOe82g8ZSQp8vnnOiZ2P1hYd+ZYK"
    "SGnksH0gzupihMvvjBBSYek2+ATIAwMkEw1TvgenQzGSAINQZzBCB25/T+6A21zek3osq6"
    "wQKV4SCxZrV/wD2eE+eJSX6jP8xa8Ghl8EpEOdMb8bmBabzOD1iOetL5cLZDVNhyqyJ9VI"
    "TEFiIklptfAuSoTA9BbsS/wwGSwFiM7yG+jTB8OwoLbJlOtAWgbbiwCMw4L375fHOdcyiv"
    "RJIcg6l74H/AMt0OK/ZZ4DIwYsxCqjJQsghQ4v3IJkhWBupE2APVq88vr367vGhK2Wg8Zl"
    "C+5Znqc5ZO542oGI5DMpS4/DJiS4E+HMlFHGQT5cMcpCPzuRIhnBBVnoC2EMRlPAHU8tGR"
    "61Za+KSs8gS02ROA6cEpWmtWWOwM8a2sd0s6R3VuuZVj96Uc5y2pucEqakxYOZxgNVLEdO"
    "z+sIiYxpGRzSd4Krp2p3St7yJHtujiSqRZV2pL3j0SDuon+uVlLH0xvod8Yf3prao5VtN0"
    "95gYGWkj+Sa/GK/aYclXzacHsgwbK8ZvRMV2x7xrhIllemclggUqE1vZXMrmao/NFe/oaJ"
    "nPyFloFGi/0upnz6DolZY96hKGdmp3mJvWi46azxfhfungOZAXftdoVeRM7NZQFFGMy1EV"
    "Wnypy5VMjk4A+H8I6FOIMbLeAd2C9Dlfhrm5CBusPjHEBphB54ne4eU7eZHidChdvdPfYw"
    "fRqVlhZQc4yObvK17jE/O6n0zaBfCRrmlQNBRa7MhfgDnC3pBPGuZiusCdknl+kB1OEEXh"
    "91Vxdu0ibsSypKAuyotbivTQIj4pYQ+f5FrDJ+nQJN20zcww+KLQpIhQDzEeHZXqdXlU0O"
    "zyKJXK340AmbDDaFOHhIqP6Vh8DK9SLx0kE5dSkTLyxNkyo14u+jkh1gfkt5GBH6ioVRiV"
    "mKTizdpmTLeuELpaX8WLKl5U9SZVq75Rb9IYIybHxGSIqlT54lT5JFe2YUp3MkarmxCvze"
    "3O2Ght6o0QXYVPq2SzNYT1p1haWknK2l4KSXDWLP7qB1fwyCxNmzfUC/O298A1YY36gu58"
    "4Rq74BVjiemmYwwzwa/3wBX+kX3JxMLW/gH3OBZOCKCDALTmcOGCuWN6FKC/s3lcNpPOWg"
    "GiGTQtzld//viZzmQtmujup/jo/gYS7rTobD1xhPwhyHBYEmIhiHPyr4RMAssxFWrqZSKQ"
    "3S6QZzc3H2Lq2NlVkjj68vHs8vbVPseaDjKDF0tGTepZll+4COZQQoFcHuSZz6wJFuuaAX"
    "Z+yFtCbPtJyJFjeeyblmdid4993i5O5kYC4pSJmLsUPTMRW5Kk8p5uAKr7nRM8MR+zNOr4"
    "gEJF+jEYyswNOrZsh1i8Km/kIo/1m3bBhDg8MkP4CPbAuYNYTS+TTsI11rDeEVXUnYVN9/"
    "BeSm+uc2Kl67ZCHWt7jaMWNVeo319tmK5t0aeb/1sC5qRcD4MwmvH0rQ4mbXkapYHP92zn"
    "TtCLFdi2lxvapjaGLpItfZ6U65+fu5FmC6arUbXBfM5qCFVkDMbklElY3iSkwIlvLo14RH"
    "CLkC+vdBZz5QbOP2K6ae0pN/BLXPWW2/i3iLWhpLgX9BhPjRkWWfqOGK1JtR0fnAJRnJsZ"
    "5R4M8itMtgf8wAL1CKBTgolDZswLZTpgDi0LeSxXAwJXnyLDt9C74F7a5q93/ntMbIQBq3"
    "ztsqrLD7wGNtuHD8C32VwPQTunhyEgzhDMTfpE+h6diA0EbOBwOYQNp7PeY+G0e+AVhBwf"
    "a+yJfQCmy/13NnJMYtCvZTLKgkmN6UVoGn+n87KMEWSIMVQizEG5x9ALJ1yVJKJfkqr/Fj"
    "A94Pq6jpDhslwV/iEWxHRS30VuSYLjayTGO/bFgw7vcj3hFVuyU7ZE1W1oum6DapitmjS3"
    "ZYPX3aSZ90iVhDgm1EOM98sRgAX8X6ryi1A1ZGCOCfWPaaq/Q3MbM90y3N6n53dXv102pW"
    "Q0vZUpZI4X6IopoJnBmwt0RKrI2O3g6VEAMTNWEwDG9W0JDFOCCsbuFXxtC6ItZ1zSRNuq"
    "s3imLp6riKfkVK5tKoCMvjFE9QoJZJNi2wP2oCPA8nRkdmLLn08JUXU2tfls4ou1OmgMKT"
    "U/U7h/6v7BqIzlOso3XUdJTTQKXFXA+4l1I058QfmOM7iCfFY3LqUS3pTTuOfuQ+U0fomr"
    "nuc0Vu21VXvtNucKl2uvnR/pEMHdxxvWAF1GLdz6fUrPbrT2ZwyzokiQENMyUSBiJculS4"
    "ccmojF4PkYQUADmQDIYxOGLGgDOd6qGCfECzCjQ9mfz8jdA6eDBMZ1zn2PecSE6058C9Bf"
    "B6aEYhuJz/jBBU90vInBA0susVheHFo8iEbar9/xmp+8EOiUIogwFSb3eBl74ZD5MEjXhh"
    "RP6CLgoAkLx2BRKIjuCAME87LoGvbd2ViXrlT4+QUtuen0/Inh45bMbwiMKhrarlCMxCqV"
    "JfYTYi+a1hc7OwXfujqK22Ugmw+1qI2E7IZXdHvO/TI81H4+D7Wf4qG6Eh7UsDtCxQbtem"
    "vXHRtUkdBWXLY8ly0wm1EtlWr6VeCOiPYP8UYY7YiuL/V6jIvVAnaLko1PyiB9kg/0Sa7n"
    "QJHcfaE7S/XepqarJNUZEVE0ZzHNKYiBjSnOdKZQN+FdS3VGNpc0zdkkhfcLGeeQd+GdYR"
    "Ft9wcZSxJ2Ii0qaG/D6DBRR8W1iJeoRvhu1Qxn1f8nymBl8nb1fsQ9DlUbXtKFx3Gx5j2M"
    "VHsybZv17KF7nCVG0Tkv6GEmcquoVgSeELJdeo9+GmsLAKaIXnzFU7dukUEFDHoA/0j3go"
    "ccwBuUhSKYAAYmYov8Op+goz+Q3WO/S7Fx7WLjwqUpq9aFw3toFx6X6SpznN9U5jjdU4Zt"
    "d0ldTsj0UIvriNZWKpatG3Th4PbL9XWH+wUV9U3MJQ3jQr0hDmtjulUTproBnUyQnlmoKh"
    "/QiIgCNAmodEMr1ctqgypfPOmsEu8Ul+yhxtJj3mliYtOdVlr2hKhKumibotqSGjynVAnT"
    "p4MMyia8MyyibOBqzDrCJn9hay5im/s+zyQfMt7k4UbfjHVofVRFPtlA9XI3s0tNvt0UEe"
    "kh6TA6OiqT3390VNDL9igVahG0VCmLcDi8h+g2U6SWYC8zcjq/iUBEZPsNBHbzoqytVcBO"
    "X2bf/w+SlHOu"
)
