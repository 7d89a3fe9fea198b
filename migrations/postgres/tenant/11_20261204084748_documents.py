from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "receipt_counter" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "last_number" BIGINT NOT NULL
);
COMMENT ON TABLE "receipt_counter" IS 'One row per estate: the last receipt number handed out (as `BillCounter`).';
        CREATE TABLE IF NOT EXISTS "rewards_config" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "streak_enabled" BOOL NOT NULL,
    "prepayment_reward_bp" INT NOT NULL,
    "tiers" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "rewards_config" IS 'One row per estate: how residents earn rewards.';
        CREATE TABLE IF NOT EXISTS "bill_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "quantity_milli" BIGINT NOT NULL,
    "unit_amount" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_bill_lines_bill_id_703525" UNIQUE ("bill_id", "position")
);
COMMENT ON TABLE "bill_lines" IS 'One line of a bill''s invoice; `amount` = quantity x unit amount, rounded half-even';
        CREATE TABLE IF NOT EXISTS "reward_redemptions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "request_fingerprint" VARCHAR(64) NOT NULL,
    "payment_id" UUID,
    "returned_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "reward_redemptions" IS 'Rewards applied to a bill. `payment_id`: the bill payment it went with (payBill with';
        CREATE TABLE IF NOT EXISTS "reward_streaks" (
    "id" UUID NOT NULL PRIMARY KEY,
    "streak" INT NOT NULL,
    "evaluated_through" DATE,
    "granted" JSONB NOT NULL,
    "resident_id" UUID NOT NULL UNIQUE REFERENCES "residents" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "reward_streaks" IS 'Where the monthly streak evaluation stands for one resident.';
        ALTER TABLE "bills" ADD "discount" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "bills" ADD "tax" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "bills" ADD "subtotal" BIGINT;
        ALTER TABLE "bills" ADD "tax_rate_bp" INT NOT NULL DEFAULT 0;
        ALTER TABLE "payments" ADD "receipt_number" VARCHAR(20) UNIQUE;
        ALTER TABLE "payments" ADD "credited" BIGINT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "uid_payments_receipt_c3eb8b";
        ALTER TABLE "bills" DROP COLUMN "discount";
        ALTER TABLE "bills" DROP COLUMN "tax";
        ALTER TABLE "bills" DROP COLUMN "subtotal";
        ALTER TABLE "bills" DROP COLUMN "tax_rate_bp";
        ALTER TABLE "payments" DROP COLUMN "receipt_number";
        ALTER TABLE "payments" DROP COLUMN "credited";
        DROP TABLE IF EXISTS "reward_redemptions";
        DROP TABLE IF EXISTS "reward_streaks";
        DROP TABLE IF EXISTS "rewards_config";
        DROP TABLE IF EXISTS "bill_lines";
        DROP TABLE IF EXISTS "receipt_counter";"""


MODELS_STATE = (
    "eJztXWtz2zaX/isYfakzo/qNb6k33d0Z23FTt4mdsZ2288YdGiIhC68pUiVIK942/30B8C"
    "LwKoIiJQrGTCdpRBxQegAenvOcC/4e+MiBjr/7yXNnyPOfB2/B3wMHThH9n9y1IRjA2Wxx"
    "hX3gw5HNB8/CURgRPm5EfA+aPr0yhjZB9CMLEdPDMx+7Dv3UCWybfeiadCB2HhYfBQ7+K0"
    "CG7z4gf4I8euHLn/Rj7FjoK508+ufs0RhjZFupL4wtdm/+ueE/z/hnnz9fvPuJj2S3Gxmm"
    "awdTZzF69uxPXCcZHgTY2mUy7NoDcpAHfWQJP4N9y+g3xx+F35h+4HsBSr6qtfjAQmMY2A"
    "yMwX+PA8dkGAB+J/bH4f9GX00YZhiXV7fGzfmtYQwksDNdh+GOHZ8B9fe3cN4FIPzTAbvB"
    "2c8n1zsHb15xCFziP3j8Iodr8I0LQh+Gohz0Bcr87xzOZxPoFeMcj88gTb9oE4zjDxYgLz"
    "ZYDF8MUAeQDqbwq2Ej58Gf0H/uv35dgfFvJ9ccZjqK4+zSJyJ8WC6jS/vhNYb3Al9oWXQx"
    "iAzEgsj6UB50tW3TGB/VwvioAuOjPMamhxgaBvTzML+jV3w8RcVQpyUzaFuR6G78P9u4w+"
    "kPtK4c+znSXxXg3158PL+5Pfn4id1uSshfNsfv5PacXdnnnz5nPt15k1mnZBLw+8Xtz4D9"
    "E/z76vI8q5mScbf/HrDvBAPfNRx3btDNv1C18acxat/Yy2L8KCgy9sEImo9z6FlG6spie9"
    "C18AsewNNI7Kdfr5ENObD5PRC9NT/TKbZw9b/F+z3+NN4FDDZ33y0DMn9puj/NfgId+MB/"
    "Ers3u5OIVYHlEWNYbnUkC9WuwfElNme40UPXCtmDP7UV0icrJFwUiXdkIqCgHbJX6x25V/"
    "GO3NPvyJf7jhRXPVZ8hpway4i1qc/68UZsoL5ypkce5TzEP7kewg/Or+iZA31Bvwt0zCIH"
    "qsA9305oc8YG/diD8+TVmt1cFAML2cjnKFzTDX99cXY7+FbHsHNNM5hRPCOaorl5dxVNpB"
    "LsKT0wwra9IkandIoa8EQr3nt0urSAF9upwAxO7bVyWzizt9u2iKluwxYK78nMbm0Q98sg"
    "1ubaSzTX4qdS0lzLiGlzLeP7MAUnCakgouGstn7FV8mK1u+1MNV2QrvU+s08qynr9+zk5u"
    "zk3fkgt3lbgFYxBjMLq/C8SjsUXZqCyY4usATF3V5uCMYbRkdiFTf5AoI82bfUQmS9ePfy"
    "HaXpzpdoPzcKCWrmqC5zNIc2fZeuiNLvfBJVIVofubaV8Mzg8zS2X5oj9CmcRVWQPGQGHp"
    "vGaAeu63g+5XGz0JRPvTJgbOR1Mp1KgEk5OAts6SwIPpbDeuWgW5f+URfcm2Q+hWIIEr7g"
    "SWBh/9zxvcK4gHB1WOUPQjbOsN2HfvmDp/jhwvElPEKcV0rRuvfWNaFflv71/X/t7x8c/L"
    "D/+uDN8dHhDz8cHb8+pmP5981f+qHCvD69eH9xeZu2ltkH1X4iXW5X1lEUZVbwFPv5YK7o"
    "KkIzVl61E3TNEnWnQvbRm8MayUdvDktzj9ilNMDu6D/I9EOQJFDOiGmo60NdpByWAl2oHT"
    "TMRTCP0Nj1CjbzLzdXl8UYLySyjBI2ffAPsDGpY6NvjwJmUKRYoxjPnY8nf2ShPvtwdZrV"
    "1GyC06yqHvvIk4E9EdCoN0ddc6nliubFcqldBs1OTNMNimNm8aVhlYtkI+sBeQYMx3aSP2"
    "W6Ft+vjGVBjP7V+VO9CqbF61PXBorHK2j+HNepJjguLyY4ztUSPNLfJQNuPF5BcA/2a4B7"
    "sF8KLruUedvGGkVm9woyKoJcB+NyiHPWO7TjXJn6HJYgtJzIagvh113Bu0Yia4H7JMK1Pu"
    "ixhEa8GeLQtqnN56AH6OOnog3vujaCTonvlBPOLMOISne1Dskn67U4Tq+uPqTs89OLDMiX"
    "nz+enl/v7HF1QwdhvwR77TWVPwwv1msSlKHLPso/kRIhy5/dcPNs2erXSxqgy0InWTVpIJ"
    "xFJZAaxnLnSQbOqrHc2rk8/WTNVo7i8qeugJmIn8altETy5PcneKv5h7b5BziNaar61u5C"
    "Zn32riLRcjFpBfqBVLulhcQauy2dnN1e/Hbe1Z7O9JN4U6edRNZoErpJvMl60JhlSbk+ox"
    "yMRyRFVRSItgP7ZjNDum8k5qExYiSPFK2ZEmqEc8/e4rpTinbcOim9jYJF0nlVopSuFK2u"
    "FIWL4N2K1YxCGHA7gV1a0JjeWb2qafzFDTwH2qWZrKnrwxoeEaIjdatZ5X0ibTWu32oc0/"
    "sjb+bhIrVbjndGTMGYYvtJgToq3mFUXPxaEhhnxHQ75TrtlHvraW5ON2tHUzuaqXFriBDq"
    "EFgbITBJ3yaGq+jkjAWSSz0ace06dWm+iE61oBb+1MV7/Sze03GhzcSFdFrlmtIqjZIinR"
    "rJlUZZuY7e6BIbXVuVL8Sq1OGLZbZjIwJzASrjpWVb54syGtDqeBCKIwQrRoOyAYftxHZp"
    "SEjcWiUBoQKVoKNt2x1ti/ItCxzSRSZmuT8qtG/rsoW8LoPsZ8hNez1dez0z7BgTSCYyCI"
    "sy6iVl7R8d1YljHh2VxzHZtUwcE2KbuiYMOej7rEdbAS9a6l+WSCtTVra/d/jD4fHBm8PE"
    "s0w+qXIo886j7ZqPFCj6KsQFx7FVu49Z2RYcyJ7t8y3xF2NMKh3Gsef+HyqIpVaWBC6EdC"
    "mgRClgCJvhIUjkwtc5QfXeFvpAYM2B1dBp+vScDfZH7Be1uKWnE1TwYPoEnYEEV1N1gk4z"
    "sqYGZxbXx3bPmPVhe3fAl63EgfH2+AUMWNw2v5z/Snrzd5yFkbYbKCx0RIYiE5Iz2DWLTs"
    "nsCG48hiWIckkbmi1rmy1zgumoKHRdbqAvJBRMR6+VjV6RjJ61yn3s21I5pYmAgjRkJ9n+"
    "lVnSt+hrCT2mXpZ0lVdz/sdtyqHJtUhNnJoPV5fv4+HZvqmZrf0s19s6Hq/kxm5bb+icuU"
    "31UghGvuvDAia4CnpRqhH4feOrNoK9D7/KwR4JKBPTWDPeFiYlrl8V6KKURr7xTjcYQsZo"
    "JhHSy0gpA35robzwDWjMoGzCf0ZQGWR1wvmmTcOWUy/62Oopz4t8Or98d3H53jg5+/Xy6v"
    "cP5+/efzwPd88abPE6Rc775UXO+7kiZ5G1ysfVSl6SgkxVRG0L93cFvCwiloukPDrunJeI"
    "NYlNFojrHIs+51hQ63AWUBOlLPBfwcjkJFWI/K+blVmgSCiy0qxYobReB/l1MFmwzG7wGO"
    "QENfoN0NfJMC8wGSaYWQ1XPS2pV70vq15gchQch61ToDpIgaK/RhZSQUQfuKuzn9ac/ZTd"
    "vC1g+zmaZit37FJYhcdVOqFMKJ/ADlqxXw9LafpAp1FoC6d2o+P62GwDpEs+kaowzeDzFD"
    "lFRU5SzZ/CWdR5bDPGDusKyqZeEaZrxEZeJ9OptKm6LE1mj+EZCxbxpMjC7Mz48nBZkqZh"
    "CiOX5WqydFzguXMwQx5AjNVH9OdOELAh8QGbDoSZeWAC6XpYwA38XXALHymE0RUCQj+HUD"
    "nM948Icus3uHPYbNhhL28+Efet2Wj6Sx0CeebkEBA3kZ7AJwQcFzzAGQGuB6xgZmOTTbg7"
    "SDZea92OX0r7rxXDq+W5o2xjGGUJpFXh1oygDrfWD7fmnIrNdGhITLYSHRibc0sUYGI81l"
    "N/bDhwxwBydfQdocrlyaUW0Y/gPozg34P/AX8F9FbYfwZfAbNwQXhlSFVbwNXWBNrj79FT"
    "WNOZU4Dt3uLO8V2u+qbYofqMD3apyzEE8wly+BWuWDG9DyEBssr03BeOV+RoYo7JSm0ndP"
    "fDdnMgypVksl713z+iiEqpnK3l+WxbZ+y1ZZt0UlkcaztjSlUQltMleVmVNvSa06s4YdMk"
    "MzwjqJeg8RLovPwNAc/NRblwhCCiozvV8YjYuFyRL49rU7cT0qWEubChUoT52cnN2cm780"
    "11yxOY4RJvbMEbL/HHBKZ6uUd2AsLhgCCH+kAjN/AjtwmMnrlvQ8wJsgIbgZ27gfuEPCtA"
    "d3Tuu8EIjeneensQ/ou3QH77w93gFSeccn5ZVze6c8IdCGYQe8wHm0+gD6bwERGAoDmhrh"
    "oCDy7g96MX6CMVeW8Td07dO486in7kxv3HHQEvcEqJqoUDF/4W3TWwZ3XQySNSuw46kVDQ"
    "kWi/opE9uw0ycwQxBdNytjcNJ599pS00baFpC634hJ0oJl10ws4iXF1um4mR8d41dYl3Zu"
    "OTeLQx07Yxs6HT7HpG/6cMmsM6Bs1huUFzmDNoZoFHl0UKYkFE24w1bMaZ5z5RvSPVnkiU"
    "URDkvTc1QN7L2oHCmYxvdKuRnlCaulq662rpMSpQz1X7OhLQCSkNm+dsQ3X6Fr8Pe3CafD"
    "ZptkcmXift5TxEfyfxjYaHypeIq1DT2fXZ8uwAi8BDFExLysjOyqmHdftHzceYTREh8KER"
    "3IKoeoh3deY8TxdslNJRIKytloZ2uIcszACSWgBRSiPfDHkPmYh+19Ic8qr3alZSPWumKz"
    "bFaEQPFkurp+r3aqn6vQpVv1dwOMsEmY9u4BuBVxDFqXD3M3JKwl0T70rA84jbmEWOCaJ6"
    "Wspizwmqh/lBLcgPKhA/0OcPqd98o07LFdOdzliQtdG6Z2R1Yzed3rHVayrRXUU3rdFtVt"
    "YMbQdtVtablNRPRdA4J6n1Q9bFdfFNFztGVLtaQGxEM8RHfNVpP8KnvFjMqMZqfZNM5boO"
    "iYeKFhCZEcOqxK6YxmivEUQ0Y75VA9iBBNwL/SnuX/Fc9fotIKSn1v0adL+Gl0539qRfw+"
    "9oNHHdx/OnkjTU1PVKlTUPRxqsvUHNjNTBLVUhoTrhDRVG7lfWYiFmFEE41VtAfGo5WCCs"
    "2QFzBKBD5vT6/mu6D+g3sjG7+gxgTm+1fYM7Z+56j0zyK/1h9jMv+wE7cbkQvZCeG2CrVO"
    "V9SaWk8eHMHND1P71KmdWphmtINUw2vwTIooyCIHeStMIBksA4Hq8gvp2EczaUX98zl2oN"
    "QM/gs+3CAn3xy83VZYlSXohkCWVs+uAfYGOyxSxOEbgMjBSNnGuhn+2Wn3k/sgmyLfS3Ip"
    "dzcH1+dn7x2/m7royNzpPvfZ814CzAuTz3XhBRxhNrrTUU8jy3wIgrP28jEVBBJVcFnLo4"
    "Z4NTQk+Non8ZUR327Us0sE7Yl3o+JiKk0cJnZXXYt89hX4cqTiN65TRY7ALxtaz3OmlblZ"
    "ZbZ/G8FHXeE2KataYasx7f4WrkiOnU9WEVMe0II7vvlKDp2o3StQFBnuzpRAuRbvNmevLu"
    "kchGeqRfXsbTj8cryBe23yfCx74tx8bGAgrC2wndPXKtglrYcpc/Hr8+fAcb0K7dHC9LFb"
    "IMGxuPX4mK3R73rhMmltmdjQgWqF1s7XNpn6s/Plf6DAMbPyHv2aBAB41Wv3gGTa/07FGX"
    "cLRzuwOvemqg6D6/i/bLFuqByuzddVATCXZLKAoR43pUhZFe6nrpv+IEgP+HgDmBjoPst8"
    "C0IX3OkzQ3ghyLHboGHQtMofdIr/A+2PzktXwqXbvT3zkeolOzPGEPeGjG31e8WbbDG2gz"
    "aQLgA13TsPs2tJnKfwZzxA5UYpNGDSYIIBN3Xp5k52SIouj76jy7fhE38bLkoK4qgk5EFP"
    "SIj2v4w8el3vBxPjXJxDNcWPNU2U1hIaQgxvtHdboT0VHlrMNRrj/RdiTIfDq/fHdx+b4r"
    "JaHzY7YsP4aXckgnyaSldKaMPHGWtE+Ry37OiKmA/DrarYQmahNGJSWpebO+OdO9O1FEr6"
    "/mRTUv2iIvGp4g32TV05J61fuy6gUPe/Tt08dvJYyYHBNTIKr7olT3RclyZWmopft3ZHO0"
    "thPipY08CjZanw4ZElfh06LYbAlh/SlVllaTsp4lQhKcNcu/+o7EPDIr0wb+BJOobnsXXL"
    "qs9UTYbyJaYwJ2GEtMNx1jmF3n1S64cL5nXzKzsK3f4M5JpRMC6CEA7Tl8JmDuYZ8C9COb"
    "h7CZTOqgATSF2OZ89c3HGzqT/dxFCwzNR6ubSLjR1iPt5BHyh6AgYOm6NoJOSf1VLJPBck"
    "SFunqZxMiuF8jTq6sPKXPs9CJLHH3+eHp+vbPHsaaDcPhiKThoY1oUF66COZLQINcHeRow"
    "b4LluhaAXZ7ylhFbfxGyoJZHAbZ97JBddr9NaOZOEuK0i1i6FIq5iD0pUnlPNwC1/c5cZ4"
    "wfiizq9IBKQ/ohHMrcDTq27lHrzqK9EUE+faQfCBi7Hs/MiGMEu+DMQ6yBI6aTcIs16ndE"
    "DXXveUb3cL7hW5sTa1u3F+ZY33sc9eiMhfbj1RYmM5s+3fzfEjBn5RRMwugm0rdQTEaijf"
    "LAl0e2SydQYgXWHeWGM2yMIEGy51xk5dSLc3dyghQmBjUb8FNRh98qZzAlp13C+i4hBS7+"
    "5tKIC4JrhDz5ZGsxj81SGR9clNGlZ809bR2CL1fv2+lp6xD8S1z1nvMr14ida05x/wSfpy"
    "UdqnNjhksa64ejjVk4vC7RAuJTMBgh4sOwtgWzPRCE3r/vAjolGHvulEUAsQfm0LaRz+pk"
    "ICDmBFmBHbbNx16eb2l3/jvHnSEHsCMmCOt4fc8Pm2D78B4EMzbXfXg+6P0QuN4QzDF9Ig"
    "OfTsQGAjZwmAxhw+msd04cML3n3Zu8wDHYE3sPMOGx0xnysGvRr4XZO5ZJjeiHEFs/0nlZ"
    "tQ6y4jFUIqr/uXOgH024aAdFvyR1vWyAfUAC00TIIqxOiN/Ehg6dNCCI1CSXvgj59akvPq"
    "ADv2ReSKwBN/tUPCFGGPGnZqo2ylTpnhld98xocubwJo4a7hLlzZw2TN9LyDELGpZUVMAJ"
    "Mgpu8IMa2/ug/CzK3GHmHqI/UhLilJCCGO/VI18ruNdc153Y1JCBOSWkHsvX/qHNfawyLE"
    "g5ODm7vfjtvCsjo+utTCHz/NBWzAHNHN5SoAWpKmd3C7VHBcTMWc0AmLa3JTDMCWoYt6/Z"
    "bl8Q7TnjkifaotYW4fF/+dUuNcRzcrrOOZe8R98YcecQCWSzYusD9mBLgOWl4Exjy+unjK"
    "jWTX3WTXyxForGkjLzC4XVM/cP9ut4rvvlrut+1hIVgWsKuJpYd5JAEVO+owKuoJzVTUvp"
    "YkMdNFY8fKiDxi9x1cuCxul2Y2H8TLKELiOmVWh1vbYYpUxDLF2rfS1MtZ3QLq3TzmyuVI"
    "32Nd3w1xdnt1VF2gLugbNi/9Uka+E6UKk0vtO+qynMqjJBIkzrZIHEK1mvVD3i0OJcDF4L"
    "EyY0uGMAeW7CkCVtIM9fNEKFzjOY0qHszydEdsHJIINxm3PfOTxjgpBxYAP668DEpdgK+R"
    "nfEfBIx2MH3LNsSJvVJKLn+/gQ81dveb9V3oR1QhFEDhV275wk98Jz58OwVB5SPCFBwENj"
    "lo7BslAQ3REWCOdl2TXsu7OxhK5UdP+K49Dp9PyJ4eMS5jcCRjds7VcqRmaV6hL7GbEXTe"
    "vHOzsH37IelutlILtPtWiNhNyOqOj6gvt1eKi9ch5qL8dDbUt6UMfhCJ0btOmt3XZuUENC"
    "W3PZ8lx2jNmUWqnU0m8CtyCqHuKdMNqCrS/1ekyLtQJ2jwq9j+sgfVwO9HFp5ECT3KrQnb"
    "XOPaeuqyTVKYhomrOa5oyJgZUpznyl0HbCu5TqFDaXNM3ZJYV3in3Txc6JGWYoFZB4mRHD"
    "KhpvFI41YDhYgsibQ9+cfM+6MYJImJNiEVsV1jnxpo3YZ5VKJsJP6HuqDuiWJYCPZ91vLt"
    "hFqhEyS9f+He4cTIDtmuwQpfkE20wSxIPpJWjTi2wX88OV/DmnEHl1W3Sc0gOvE0OAb1vd"
    "lKcvOm9Ywa/R3SJ5JsRCQrmGPO07IQ6ij4n3KIOvIKKgQ91+zyOedsx/mwTDmRZShjBqN8"
    "2SmLBxnqUgqxMt+5NBkfcptCdZ/lCp5UlKdFsQmPjQ/Fv1INjY3g5n28K9sJFUhAxqFX7M"
    "Atcafoy4pPV6UnC/QXAFSEBdBN9lCQOhB/AWTP/1+l98bZjzwbwNwR8paPzZ0qSFEX648O"
    "rCV7yO6ffK55A11jZgp21RMBounv26LoYgopwP10mfz0ghyXKvKakV9MT2mL8SefoBKWqV"
    "WtnGMBbRDQwlGhgy45sY4etVQulmxdane/e2RPGOPYQMfti8rOeUltT+sfaPtX+8ef84ZV"
    "SFLoTkCz8tpeOt1fFWwU1bMeSaj+ZtJ75LA67pDbZCaQl2nlxstsTqXISTKYT7OlidGLVy"
    "VkfAdTmrI65oHVInukfMtXxHADVHpgTsRM7hMI4Es+VkrTsdy52/4rFkVrnB48vmhGIGyM"
    "SdkyKKp4tb6IByD5T6sILc6QMdkdcqivEROqzceVg5LCcwCPSLXpJL6xASQZU4yzXXIzCA"
    "jCl23AIHu2oF0nJ6AXRBSG8LQljbV+whKzyPz5uG5z1L0HTlE6i071vj7NDXGUWLNGBz0p"
    "IKsjlbwt7UIu14WqzBu/vLrnNGdD0L3ZOztrdunaMkAquBmZYTVSYJcN1GQsM31wZfWNuS"
    "hclOh8R+o+2dE1UG3XVv7xjIBo5IXlavQrNV4DnF5gQxurBpSnJaXEdd+/xi11HX8gdQ4a"
    "hrSAQbHhrLRl5zkjr62q8ctn7lDHYT0F5swhaD2sqlzA+zQe3cs7tCYJveySHQLHFGGgS3"
    "bxcTKrQGBQHunKbIw3floFuX/lFzB69QAN8H5bC8/D2lG+ts2jbyBsQNWZ47kNm2y/MHsg"
    "9OnRwCQYYF+dlxnNABUSbCdwQkcX5IADPBAUHIYSeJJpH9orSBlmYtLA3Bi5QK/ys7hVMn"
    "D/QpeYCvSQ7ninM3v7ZZib5pwz4VaHpzWCPS9OawNNTELqUNwCdo0+dBnkpKy6kUVloziT"
    "Fi6U7GhJqBE5lunFmxRivQM66ii46cUi3eEoE1nlL4YW1nFB7X6TdW3m4sqzkYPhFZIlGt"
    "I0itsWBnM05ji/U6bkANsiKwyzezIKJen8KW9/IYe6w9BTUZG5CLOWEF+cUt4RM1jaxp5J"
    "JVj5w8SaYzLaXp42quU3Ck2+E51SsiGWboovQG61XDxE/wmdoQgwI6KboyrKKQZnyMTF9E"
    "7E8sig20wdhzp0Kvwu9Yl8In5ASstaFN4RlG5SDIQwD7gG0mi+RIozYmvXN27gnynlgRzW"
    "70k3a5PLl/VbP25EvmvREzTJpS2hil5KExYgnJUgZ1Ski5FhmHdSpSDssLUg5z9Sjbcl6D"
    "cpTSGBV55RWoRwI6D0lXRLSkTVquiOjj2TobrB5sva5t5rlP2CrqWVKOsCij4A5uH+QRdB"
    "6lD3lJCSkI834ds2O/3OzYz5kdHDH+D1mYYyEFYe6k4DhuPOEE05Gc7shLKoh5+1s7gU1y"
    "d2fllAS7HtpVcOfwZnWUiDDPfVTcEL/qNOmcqO71l0bXQia1HxpgmxPUyGY6Qbhyce94vH"
    "pxwk7OM2P7j9CvZcjinBPUgNcCXJ+QqE9I7AvinWxw+jqbzqhOcMxn2VMSC0SV46a7NO7o"
    "lM4D8mYeLuKqq6IBheIKmtbtJ53G1JHRKA5TLK2epunEZyfIYXFIfpS7TGF+Tk6ZYEF76a"
    "as7EM+qUgQ0+XHfc4b4/XiyPOKCv7LtVVaSj0t1Yk9pFP0ytFXN0Uv5nXkVz0tqdVon9Wo"
    "6U5nLMWt0dOdkdUr3eeVDmZWQy2eltRavMfLnhSO1zxFsPuM1Rvk+xT7EMHCzNVkxHB5Bq"
    "tBxMFLM1lvxQTTcAYQz/CWn4PtufMhmEILsepkXjvC6pOdB5Qve151spb7opefxVbzMKBI"
    "1/aXdWrFIyxPO91Imk3PXnCdt+hmqil6dP0JVWsT1y46UqwqCbVsCoWKbNecIqlNAW0KrN"
    "UUuEZsjmvEoiNlXVFyYyrNAY+PNrxkeE2LILwLAXRmG8eH2Y6wbe+C+0WzmPu3vDaFfR4f"
    "jcKqUObsb1bEAnbop6fsKvtXzlLo4iZ3TkBQNPGrIZhPXILAmMIMPDQOHIv+5QeeQ9icU3"
    "0OS38SQSrOYdElGbpEoCemX8slAjqErkPovd3rHYTQ9eHTradNhvZMIy8lI6p56f54JQUR"
    "CB1dVMwZrRNdZF6PpLoURHTrj5yyJNRukn4DZcQ0rNUdVWK48hBLt1S5FqbaTmiXNlPJbK"
    "6SbipZpdACtqfRNIriKujBXnWoCcmpG5++tB4HpQRfdH1Yg9wjfGhNYu933iqGEWpT1/En"
    "9jMIxQFizVF5I/GoiwwYu14Yros2aD7Ut+pkmnrrgSIfVlBvJNmFdTNuEwGdaps7sTF8KK"
    "gl7k88N3iYFBvyxcAWClfZ8kp5a8wUz6D54FF1iAq0wC83V5fFGAoiWeSw6YN/gI1JZ7tU"
    "UAejANs+dsguu+0mNAKDKOUAxaTNzseTP7J8ztmHq9Os6mATnPbetu7D0QttWNYydkodK1"
    "zy8ItVbPA+LMFKFvjZyc3ZybvzNk+/iKKTZ+zUyIdyCzAeUMMEJOGZyQ/1TMCrMAULzJAX"
    "JWq9BRP67xgGAhD0HBBNnbf6GsjrnK5+5XSFZppB9xP99UWJRlXd0PPCa2yKnnyytV3RZx"
    "6KIxqRAzeaSWzxMnFtb2eB9jHyCqoFy+3DRKAf1iG7nzLWoc6lK9/32xm+6Hku3S/u6Doo"
    "zKCLrlTaVf9xR4YX1M2WYxYRMSfICugLEVBZQGUTyovYrg8wO9QLk8RgolqcR+UANTXxE/"
    "IwIsAdcy6NRA2vckZXu7e4c6KWFwB6CPBeW3QsaydNHvFsRv/fpW4BS7Wjc76j++NHAEHU"
    "LQM8IjQj9Bq9G6sSBZwI3KFT3znXyKICFt3T31Mj2qdGIn3KgljEcdmpaCZii1zai/oLw5"
    "+/R+nv0ieb9YsTjJambr5MNFznx9TIj+HbXfL1GMso+GLc3hdhPpDfx2bABWbo9efLy4vL"
    "911ppK7raBZvOgmPKi2k/aisH9Wg8YruuVIJ6HiMzMLYRTmggogGNBdZK+5vcou+lsCpVG"
    "uTqtfk+R+31a588pb8cHX5Ph6e9e9zfe29Zq58WlJBi2VLXfk6mYhj7GAyabTsGVGdZ9w3"
    "Q7UnlM0JNcLMyaCAsomuDKsoG7gYs4ywKV9YHajqV6CK2uUkKnKt6zcJIgqSDvtHR3VKoo"
    "6Oykui2LWMQToriEBVdOafFUWcVEC3k+6V9I5+YR5GeSRKEFl/LGozL8rWok4bfZl9+3+o"
    "aRhn"
)
