from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "bitcoin_accounts" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "key_id" VARCHAR(32) NOT NULL UNIQUE,
    "network" VARCHAR(16) NOT NULL,
    "next_index" INT NOT NULL,
    "last_scan_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
) /* One watch-only account key of the estate and its receive-address counter. Its row */;
        CREATE TABLE IF NOT EXISTS "bitcoin_addresses" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "index" INT NOT NULL,
    "address" VARCHAR(100) NOT NULL UNIQUE,
    "payment_id" CHAR(36),
    "used" INT NOT NULL,
    "times_issued" INT NOT NULL,
    "free_after" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "bitcoin_accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_bitcoin_add_account_fcca52" UNIQUE ("account_id", "index")
) /* A receive address issued to a payment: m\/0\/index of its account key. */;
        CREATE TABLE IF NOT EXISTS "bitcoin_invoices" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "address" VARCHAR(100) NOT NULL,
    "network" VARCHAR(16) NOT NULL,
    "amount_sats" BIGINT NOT NULL,
    "rate_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "required_confirmations" INT NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "watch_until" TIMESTAMP NOT NULL,
    "received_sats" BIGINT NOT NULL,
    "confirmations" INT NOT NULL,
    "credited_sats" BIGINT NOT NULL,
    "credited_minor" BIGINT NOT NULL,
    "last_checked_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "address_ref_id" CHAR(36) NOT NULL REFERENCES "bitcoin_addresses" ("id") ON DELETE RESTRICT,
    "payment_id" CHAR(36) NOT NULL UNIQUE REFERENCES "payments" ("id") ON DELETE RESTRICT
) /* A Bitcoin payment's terms (address, locked rate, window) and what the chain shows. */;
CREATE INDEX IF NOT EXISTS "idx_bitcoin_inv_address_99d2e7" ON "bitcoin_invoices" ("address");
CREATE INDEX IF NOT EXISTS "idx_bitcoin_inv_watch_u_168091" ON "bitcoin_invoices" ("watch_until");
        CREATE TABLE IF NOT EXISTS "bitcoin_transactions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "txid" VARCHAR(64) NOT NULL,
    "value_sats" BIGINT NOT NULL,
    "block_height" INT,
    "state" VARCHAR(8) NOT NULL,
    "on_time" INT NOT NULL,
    "outcome" VARCHAR(8),
    "first_seen_at" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "invoice_id" CHAR(36) NOT NULL REFERENCES "bitcoin_invoices" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_bitcoin_tra_invoice_da7287" UNIQUE ("invoice_id", "txid")
) /* A transaction paying an invoice's address, as last seen on the chain. */;
        ALTER TABLE "gateway_configs" ADD "settings" JSON;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "gateway_configs" DROP COLUMN "settings";
        DROP TABLE IF EXISTS "bitcoin_transactions";
        DROP TABLE IF EXISTS "bitcoin_accounts";
        DROP TABLE IF EXISTS "bitcoin_addresses";
        DROP TABLE IF EXISTS "bitcoin_invoices";"""


MODELS_STATE = (
    "eJztXWtz27a2/SsYfakzo/okfiS+6Z07Yztu6jSxM47Tdk7cYSASslBThA5BWvFp898vAJ"
    "Ii+BRBkTJJY6aTJiQ2SC2AwN5rP/D3yEMOdLzdjy5ZINd7GL0Gf48cOEfsL5l7YzCCi0V8"
    "h1/w4MQWjRdBK4yoaDehngtNj92ZQpsidslC1HTxwsPEYVcd37b5RWKyhti5jS/5Dv6Pjw"
    "yP3CJvhlx248uf7DJ2LPSNdR7+c3FnTDGyrcQLY4s/W1w3vIeFuPb58/mbn0VL/riJYRLb"
    "nztx68WDNyPOqrnvY2uXy/B7t8hBLvSQJf0M/pbhb44uBW/MLniuj1avasUXLDSFvs3BGP"
    "3v1HdMjgEQT+J/HPxf+GpSM8O4uLw2Pp1dG8ZIATuTOBx37HgcqL+/B/3GgIirI/6A01+O"
    "r3b2Xz4TEBDq3bripoBr9F0IQg8GogL0GGXx/wzOpzPo5uMctU8hzV60DsbRhRjkeIJF8E"
    "UAtQDpaA6/GTZybr0Z++fe8+clGP92fCVgZq0EzoR9EcHHchHe2gvucbxjfKFlscGgKhBL"
    "IttDedTWtE1ifFgJ48MSjA+zGJsu4mgY0MvC/Ibd8fAc5UOdlEyhbYWiu9Ff+jjD2Q+0Lh"
    "37IVy/SsC/Pv9w9un6+MNH/rg5pf+xBX7H12f8zp64+pC6uvMyNU6rTsDv59e/AP5P8O/L"
    "i7P0yrRqd/3vEX8n6HvEcMjSYJM/XmqjqxFq3/lmMb2TFjJ+YQLNuyV0LSNxJ54ebCy8nA"
    "/wJBT7+dcrZEMBbHYOhLvmZ9ZFD0f/ezTfo6vRLOCwkT1SBGT21nxvnr4CHXgrfhJ/Nn+S"
    "jFWO5hFhWKx1rAaqWYXjS6TOCKWHjRWyR39qLaRLWkgwKAp75EpggHrIi0p75IuSPfKF3i"
    "Of7h4pj3q08Blqy1hKrMn1rBs7Yo3lK6N6ZFHOQvwzcRG+dX5FDwLoc/Yu0DHzDKgc87yf"
    "0GaUDXbZhcvV1pqeXAwDC9nIEyhcsQl/dX56PfpeRbEjpukvGJ4hTVFfvbsMOxoS7Il1YI"
    "Jte0OMTlgXFeAJR7zz6LSpAcfTKUcNTsy1Yl04Nbeb1ojZ2oYtFDyTq91aIe6WQqzVtaeo"
    "rkVfpaK6lhLT6lrK9uELnCKkkoiGs1z7lbeSDbXfK6mrfkK7VvtNfasJ7ff0+NPp8ZuzUW"
    "byNgDtwBjMNKzS96psULSpCq5mdI4mKM/2YkUwmjDaEztwlc+nyFXdpWKR7eLdyT1K051P"
    "UX+u5RLUzFFV5mgJbbaXbojS76KToUK0PXKtl/As4MM80l/qI/Qx6GWoILnI9F3ejdEMXF"
    "dRfwPErU19/di3sHfmeG4udyvdLdXZIW9n2OS2Wzr7Cb49dzwFrR1nJ064DXdWfWQvy/73"
    "4//s7e3vv9p7vv/y6PDg1avDo+dHrK143+ytVyUq0Mn52/OL66RGwy+U6/JsuImqMi/LbK"
    "DNd9MBs6E6D81ouascRGkWLJBDiBB5eVAhQOTlQWF8CL+VBJhM/kKmF4CkgHJKTENdHeq8"
    "xWEt0Lmrg4Y5D+YJmhI3ZzK/+3R5kY9xLJG2+rHpgX+AjWkVPao/CzCHImHZR3jufDj+Iw"
    "316fvLk/RKzTs4SS/VUw+5KrCvBDTq9VHXfFfxQvNk+a5WDSXTJH6+XyO6NS4zkWxk3SLX"
    "gEHbVmJcTGKJ+cotYcQpOh3j0imHRzQ+VXWgqP0A1Z+jKhHfR8UB30eZeO879rtUwI3aDx"
    "Dc/b0K4O7vFYLLb6V222hFUZm9kswQQa6CcTHEGe0d2lE8Q3UOSxJaT2Q1hfDztuDdIpEV"
    "4z4Lca0OeiShEa+HOLRtpvM56BZ6+D5vwhNiI+gU2E4Z4dQwTJh0W+OwurJdjePk8vJ9Qj"
    "8/OU+BfPH5w8nZ1c4LsdywRtgrwF5bTcUfw5O1mqTFkPBL2S9SwQ/3CwkmT89Gv5pjlw0L"
    "62RTx27Qy5BAUrK706EWxWheOuiasD8ajLfoJmuWj6gCOSG+uhxmIvoa19ISqy+/O85bzT"
    "80zT/AeURTVdd2Y5nt6bsD8ZbHwFMPer5SSZxYYosVcY5Pr89/O2trTqdy/l9WSflPK01S"
    "xv/LtAWNLTRfEI9TDsYdUqIqckSbgf1xI0PaL/bkoiniJI8SrZkQqoVzx3ZxXc1CG26tpE"
    "eGziLluCpZSmfzlWfzwdh5t2HGmeQG7Cewa5POkjOrU3ln74jvOtAujGRN3B9XsIgQa6nL"
    "gQ7eJtJa4/a1xil7PnIXLs5bdovxTokN0KfYfFCg9oq36BWXX0sB45SYLnlbpeRtZy3Nx1"
    "ubtaGpDc1Euy14CLULrAkXmKJtE8GVd7pBjORai0Yeu1ZNmi+yUS0tC3/q5L1uJu9pv9Dj"
    "+IV0WOWWwiqNgiSdCsGVRlG6jp7oChNda5VPRKvU7ot1umMtAjMGlfPSquXNZRkNaLk/CE"
    "Uegg29QWmHQz+xXesSkqdWgUMoZ0nQ3rZ+e9vCeMscgzSOxCy2R6USW22W+dZpkN10uWmr"
    "p22rZ4EdYwbpTAVhWWZ4QVl7h4dV/JiHh8V+TH4v5ceE2GamCUcOeh6aL/KKmBXalwXSg0"
    "kr23tx8OrgaP/lwcqyXF0pMyizxqNNzDsGFNsKcc6RWeXmY1q2AQOyY/O8J/ZihEmpwTh1"
    "yX9Rji+1NCUwFtKpgAqpgAFshosgVXNfZwSHt1voQ1s1B1ZhTdMnnDxifcRuUYs9rSBfwo"
    "PpU05GClxN2Skn9ciaCpxZlB/bPmPWhendAl+2EQcmSpjnMGBRafNi/mtVP73lKIyk3sBg"
    "YS1SFJkUnMHvWaxLrkcI5TFIQVQL2tBsWdNsmePPJ3mu62IFPZYYYDh6pWj0kmD0tFbuYc"
    "9WiildCQyQhmwl2r80SvoafSugx4YXJV1m1Zz9cZ0waDIlUldGzfvLi7dR83Td1NTUflCr"
    "bR21H+TEbnrd0DFzj1U+TIBoLKBqzGhKcDA8u45ZfOzVpWHvXRerhWRV649nF2/OL94ax6"
    "e/Xlz+/v7szdsPZ8Hs2cJyXiVPbq84T24vkycnGz5ZarZAQ5FkykjZHs7vEng5qZoh4+4c"
    "shRZBnXo7Rxx7abrspvOwnThe6jQd1Si1Gckh+A82rZiH6NIGbLKhlWutB4H9XEwOd9q1/"
    "gMMoIa/Rroa3/qE/Sn+gur5qgnJfWod2XUc1SOnNNCtRe9BS86+zWqkEoi+sxG7UDfsgM9"
    "PXkbwPZz2E0vZ+xaWKXPVTkmQfJBEg+bm54cz/3iF6KjAU3jZNj9lg/+7smcbLU2Bp9Vp5"
    "zYFzEQucEY0e3xupgMw5RargvN4NE3wCVLsEAuQJyBReznzhCwIfUA7w4Ejngwg2w8LEB8"
    "bxdcwzsGYXiHgkAnpUwOi1kjg9z4A24c3ht2+EIrOhJ2EG/NfqlDgwOEx4CSlfQM3iPgEH"
    "ALFxQQF1j+wsYm73B3NK4Sg6IUO/JUqn1smBhRHCrCJ4ZRFC9S5hpLCWrXWHXXmEIVpbaX"
    "wXBzLVgF4613zSIobfbrF8FjEDQHlG1ZAE7YGgRgsDhNHsQiQ80ZsnwbgZ2bEblHruWjG9"
    "b3TXj68Ov94F+iysbrVzejZ2KRyyyGbT3oxgkmLFhA7AJMwXIGPTCHd2zRRNCcAcJW4VsC"
    "xPPYDWYCsEsmg2JGlog9BhDWoSPe4C8yAa7vFC6OXwTA/GbwW3RiasdC7VafSOVQu5XEAN"
    "3azQfN8G+3BnMniQ2QtusvTZdlZ8UGorZYSSKanytnlKLdY0PGIwpQ7yekaykPaUIlKI/T"
    "40+nx2/OHqtkRmTW5xVxjC3+Yt1MJhc6lzcQzczaxR61MtO0MvNIBZM7ZnEnFJqDKgrNQb"
    "FCc5BRaBa+y4ZFCWJJROuMFXTGhUvu2bqjlAEjywwQ5ObPTtPR7Dqauiuzu+Fo6inKO2O8"
    "ZF6HApoErTejexG93uP9sAMHFqX9jh1S8Vo65ZL9TuoZNc8tKhAfQsxn28cX8RppvosYmJ"
    "aSkp2WGx7WzZ9mFGE2R5TC21pwS6LDQ7ytY4187rw36mjgOcJaa6mntUQWo1GLNsmXHt4n"
    "0M6JUzNk3hHfM3w3h90uMYNScoOEuyLepYBnEbcx96hRZLpISZPJCA4P8/1KkO+XIL6vS/"
    "8NP2mhSqqKSeYL7nyqNe4pWZ0Qq93evR5ThawUneyj01O2DG0L6SnbDdbo5kJQO1aj8fNN"
    "5HHxTIIdAzv3JDfaL8rViKprVslsEV2exz0OY7S+K4a4/I4mM0Luzu4L4lwS98elJ8QELQ"
    "10XznkZXQ9Q2GaxA8UYGdCvgEyBZFpDoKuXgPqsU/QAkFQMFgiAB26ZPf3nj8fA/ZGzMSx"
    "eEgxHKWwa/wBN86SuHdc8hv7YfaDiCsGO1E8MruR7Btg61lxaLHs8xbN+XelA4w7FZOjYx"
    "m2EMuwmvwKIMsyAwS5Fa+YAEgB46j9APFthRd9pAC+jukmWwB6AR9sAnPWi3efLi8KFuVY"
    "JM3MYNMD/wAb0x6bQ3ngcjASfEymhk+6XE9qf+QdpGv49CJYhFkjp2fnv529aUvZaD26T/"
    "1wMn0iWTbxVlIxXJfkKHHFBb9WAkNYkrdd6MtFJsL3tWj0lKj2n3SFVq/iP2GWj4korTXw"
    "aVntP+my/8RhC2d0CGaNwc4R38p4d+SMp94Nt3aHP5XlvCPVMXjtiykvXBOMRoaYTtwflx"
    "HTjtSy/VRMTdc+Kl3rU+SqlkeMRdp1QHdk71Fw69+xl1ex9KP2A+QLm09E1cdYtU13T4iV"
    "k2xTbPJH7fXBVer17dmCrMLGRu03omL7Y961wsRyvbMWwQK1ia1tLm1zdcfmSp69aON75D"
    "4YDGi/1ujn96DplY596gqGdmZ24E0rO8vm85twvvRwHSgNg9sGNbHCbg1FIWNcjaowkkNd"
    "rbix3AEQ/yFgzqDjIPs1MG3IvvNVmBtFjsUrCUPHAnPo3rE7otCmKCecDaVrtvsbx0Wsa1"
    "4C2QUuWoj9SlTjdESFTi5NAbxlYxqU94Q2X/IfwBI53lh0GmawUkBnZFkcZOekiKLwfXWc"
    "XbeIm2hYMlCXZROuRAZoER9VsIePCq3ho2xokokXODd5oCw0SRIaIMZ7h5VOpTwsOZbyMF"
    "MAoR8BMuFZoG0tEjo+pmfxMaKevHKQTFJKR8qoE2erOgRq0c8psSEgv426BYGKWodRSUhq"
    "3qxrxnTnSpbr8dW8qOZF9SmietQ3OkU0wYipMTE5orrAQHmBgTRXtmEifDpGq58Qr82Iz5"
    "loXTrFQB6Fj3Gy2RrC+mMiLa0iZb1YCSlw1jz+6gca8cg8TVscfRfmbe+CC8KP1AvO0QvH"
    "mIIdzhKzSccZZuI82wXnzo/8JVMD2/gDbpxEOCGALgLQXsIHCpYu9hhAP/F+KO/J5If2oT"
    "nEtuCrP334xHqyH9o4h0/z0cMNJHzUUr3NxBGKjyDHYUmIjaBTkH8VyaSwnDChtjaTCNnt"
    "Anlyefk+oY6dnKeJo88fTs6udl4IrFkjHGwsOZW853l+4TKYQwkNcnWQ5z63Jnisaw7YxS"
    "FvKbHtJyFLy/LEx7aHHbrLn/cYK3MrAXHaRCwcioGZiB1JUnnLJgDT/U6JM8W3eRp1skGp"
    "In0bNOXmBmtb9SxXJy5vRJHHT4amYEpcEZkR+Qh2wamLeCU0zDoRGmtY74gp6u7Dgs3h3Y"
    "ze3GTHWtfthDrW9RpHHTqSonl/tYXpwmZft/i3AsxpuQEGYbTj6YsXJmO1GmWBL/ZsF3Yw"
    "iBHYtpcbLrAxgRSpFoxPyw3Pz93KERWYGkxtwPd5pTLLjMGEnDYJq5uEDLjozZURlwS3CP"
    "nqSm8xj9RSFRtcltGpZ/Utbe2CL17e+2lpaxf8Uxz1jvMrV4gfnMpwLzmJPdNmXMayuFFr"
    "Q+lw9tExiMrJc0LEg0FuC+ZzwA+sf48A1iWYumTOPYDYBUto28jjeTIQUHOGLN9Gr4N7Wb"
    "6l2f5vHLJADuC12imveP1VVG3n8/Ar8Be8r6/BAWRfx4C4Y7DE7Iv0PdYRbwh4w/GqCW/O"
    "er1xIofpV1G9yfUdg3+xXwGmwne6QC4mFnstzPdYLjVhFyG2fmL98mwdZEVtmESY/3PjQC"
    "/sMC4HxV6SmV42wB6gvmkiZFGeJyQeYkOHdepTRCuSS1+k+PrEi49Ywy+pDYkX4OZX5aMW"
    "pBZ/aqbqUZkqXTOj7ZoZ+lhxfax4VyZ408eKi1N9FSFOCA0Q4xfVyNcS7jVTdSdSNVRgTg"
    "gNj+Vr/kzxLmYZ5oQcHJ9en/921paS0fZUZpC5XqArZoDmBm8h0JJUmbHbw9WjBGJurKYA"
    "TOrbChhmBDWM/Su22xVEO864ZIm26HB2M18XL1TEM3I6zzkTvMd2jKhyiAKyabHtAbvfE2"
    "BFKjhfsdXXp5SoXpu6vDaJwYoXGktJzc8VHp66v79XxXLdKzZd99KaqAxcXcCHiXUrARQR"
    "5TvJ4QqKWd2klE421E7jgbsPtdP4KY56kdNYHwivD4Tvcp52tQPhiyMdJNx9Z8P6q6uohS"
    "t/SKnxrdZdTWBWFgkSYlolCiQayWqp6iGHFsViiFyYIKCBTAEUsQljHrSBXC8uhAqdBzBn"
    "Tfmf94juguNRCuMm+75xRMQEpVPfBuzXgRlh2ErxGT9QcMfaYwd85dGQNs9JRA9fo0PMn7"
    "0W9VZFEdYZQxA5TJjcOKvYC5csx0GqPGR4QoqAi6Y8HINHoSA2IywQ9Muja/i787aUjVT4"
    "/JLj0Fn34osR7VbMbwiMLtjarVCM1ChVJfZTYk+a1o9mdga+dTUst8tAth9q0RgJ2Q+v6P"
    "ac+1V4qBfFPNSLDA/Vl/Cglt0ROjbosad207FBNQltzWWrc9kRZnOmpTJNvw7ckujwEG+F"
    "0ZZ0faXtMSnWCNgdSvQ+qoL0UTHQR4WeA01yD4XurHTuOTNdFalOSUTTnOU0Z0QMbExxZj"
    "OF+gnvWqpTmlzKNGebFN4J9kyCnWMziFDKIfFSLcZlNN4kaGvAoLECkbeEnjn7kVdjBKGw"
    "IMVCtirIcxJFG7HHM5VMhO/Rj2w5YFOWAtGeV7855zfZipAauuafcONgCmxi8kOUljNsc0"
    "kQNWa3oM1u8lksDlfyloJCFNlt4XFKtyJPDAExbXVRnq6seeMSfo3NFsUzIWKJwRXkad4I"
    "cRD7TNw7FXwlkQEa1M3XPBJhx+K3KTCcSaHBEEbNhllSE9aOs5RkdaBldyIosjaFtiSLP6"
    "phWZIK1RYkJj5Q/zY9CDbSt4PeejgXHiUUIYVaiR0T41rBjpGHtFpNCmE3SKYA9ZmJ4BEe"
    "MBBYAK/B/F/P/yXGhhsf3NqQ7JGcwp8NdZrr4YexVRds8dqn3ymbQ1VZewQ9rUfOaBh/+1"
    "VNDElkcDZcK3U+wwVJlXtNSG2wTvRH/VWI0/dpXqnU0jKGkYguYKhQwJAr39QItleFRTct"
    "tr2190VPFt6pi5AhDptXtZySkto+1vaxto8f3z5OKFWBCaG44SeltL+13N8qmWkbulyz3r"
    "x+4rvW4ZqcYBuklmDnnmCzIVbnPOhsQLhvg9WJUCtmdSRc17M68ohWIXXCZ0Rcyw8UMHVk"
    "TsFOaByOI08wH05eutOxyPKZ8CXzzA3hXzZnDDNAZ2RJ8yieNh6hHcodWNTHJeROF+iI7K"
    "oyMD5Cu5VbdysH6QQGhV7eJrk2D2ElOCTOcsv5CBwgY44dkmNgl41AUk4PgE4I6WxCCC/7"
    "il1kBefxufPgvGcFmq64gyHN+8Y4O/RtwdCiNdicpOQA2ZyesDeVSDsRFmuI6v6q45wS3c"
    "5Ad+Ss7d6NcxhEYNVQ0zKigwkC3LaSUHPnesQNqy9RmPx0SOzVmt4Z0cGgu+3pHQFZwxDJ"
    "yupRqDcKIqbYnCFOF9YNSU6Ka69rlzd27XUt/gAH7HUNiGDDRVNVz2tGUntfuxXD1q2YwX"
    "Yc2vEkbNCpPbiQ+XHaqZ35djdwbLMnORSaBcZIDef2ddzhgMYgx8GdWSmy8F066JqwPyrO"
    "4A0S4LuwOKxPf0+sjVUmbRNxA/KELI4dSE3b9fED6Q+nSgyBJMOd/Pw4TuiAMBLhBwpWfn"
    "5IAVfBAUXI4SeJrjz7eWEDDfWamxqC45AK7xs/hVMHD3QpeECMSQbnknM3vzWZif7Yin3C"
    "0fTyoIKn6eVBoauJ30oqgPfQZt+DOpWUlBuSW2nLJMaEhzsZM6YGzlSqcabFao1Ax7iKNi"
    "pyKpV4Wwls8ZTC91s7o/CoSr2x4nJj6ZWD4xOSJQrZOpLUFhN2HsdobDBfh/hMIcsDu3gy"
    "SyLDq1PY8FyeYpeXp2AqYw1yMSM8QH6xJ3yippE1jVww6qGRp8h0JqU0fVzOdUqGdDM85/"
    "CSSMYpuig5wTpVMPEdmRScdhLeGZdRSH+RieIJJ9ScIcu3kQWYrDg/ZEpcUTqQ2sTjp4Z4"
    "M0zD+oWvgYsWYjUGDDF8j1yMqHzkR4ZDav4RN05YCxpAF4WFEy2RqULv8GLB/k7YJAfY43"
    "US37Bl7ScAQVhGGtwhtKCifAlyXfYSM8Qu7rCub5wrZDEBiy3FP7K54CEXsCntRyIO4WSY"
    "ifggPysmtdgPFEol+12a0OoWoRUOTVVFPmyu6awKdJaY7opaXSQzQH2uJ/pbJbW9H+erjK"
    "4+X1ycX7zdDqXTfIZTvNMpkJFJocGEszVXjSk4OkkFUllEA5oBdDpFpqdUukYW0YBmUmC4"
    "DppF8xp9K4BzJTAEbrFsmzz74zqxQ0aL586H4z+eJXbJ95cXb6Pm0mJ7+v7yJOuYcOsxUE"
    "nJAWosA2agptjBdFZr2FOiOky5a4pqhhR7HMrmmClh5myUQ9mEd8ZllA2M26wjbIoHtuFa"
    "HMX1Pyvu5OFE72xcWTM7eTHZwPRyGsZ7VbWbJJEBkg57h4cVjCbWqtBqEvdSCin7qBQQDp"
    "sPEN1WKpuwJ3q5safvPl1eFCYSRiLp3RKbHvgH2Jj2MUipBFwORrmqmtZKU5sf7+Akz8Oz"
    "zc3s+/8DtrsVPQ=="
)
