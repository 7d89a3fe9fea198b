from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "payouts" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "reference" VARCHAR(40) NOT NULL UNIQUE,
    "amount" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "bank_code" VARCHAR(20) NOT NULL,
    "bank_name" VARCHAR(100) NOT NULL,
    "account_number" VARCHAR(20) NOT NULL,
    "account_name" VARCHAR(200) NOT NULL,
    "requested_by_id" CHAR(36),
    "decided_by_id" CHAR(36),
    "note" VARCHAR(500),
    "decision_note" VARCHAR(500),
    "failure_code" VARCHAR(32),
    "failure_message" VARCHAR(500),
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "request_fingerprint" VARCHAR(64) NOT NULL,
    "provider_reference" VARCHAR(100),
    "send_attempts" INT NOT NULL,
    "sent_at" TIMESTAMP,
    "last_error" VARCHAR(500),
    "created_at" TIMESTAMP NOT NULL,
    "decided_at" TIMESTAMP,
    "completed_at" TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL
) /* One withdrawal from the estate's revenue wallet, and where it stands */;
CREATE INDEX IF NOT EXISTS "idx_payouts_status_c4db49" ON "payouts" ("status");
CREATE INDEX IF NOT EXISTS "idx_payouts_created_c010ff" ON "payouts" ("created_at", "id");
        CREATE TABLE IF NOT EXISTS "payout_settings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "provider" VARCHAR(16),
    "auto_payout_threshold" BIGINT,
    "updated_at" TIMESTAMP NOT NULL
) /* The estate's payout settings: one row, made on first change. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "payouts";
        DROP TABLE IF EXISTS "payout_settings";"""


MODELS_STATE = (
    "eJztXWtz2zbW/isYfakz43oS+RJvdmdnbMdNnSZ2xnbanY07NERCFmsK4BKkVb1t/vsLgB"
    "fxLoIiZZLGTCdNSByQegAenPv5a+QiDLG798UhNnLc5egd+GuE4Ryxv2Tu7YIRtO3VHX7B"
    "hRNLDLb9USaiYtyEug7UXXZnCi2K2CUDUd0xbdckmF3FnmXxi0RnA038sLrkYfN/HtJc8o"
    "DcGXLYjW+/s8smNtCfbPLgn/ajNjWRZSRe2DT4s8V1zV3a4trXrxfvfxIj+eMmmk4sb45X"
    "o+2lOyM4Gu55prHHafi9B4SRA11kxH4Gf8vgN4eX/DdmF1zHQ9GrGqsLBppCz+JgjP419b"
    "DOMQDiSfyPg38HrxYbpmmXV7fazfmtpo0ksNMJ5rib2OVA/fXdn3cFiLg64g84+/nkemf/"
    "6JWAgFD3wRE3BVyj74IQutAnFaCvUBb/z+B8NoNOPs7h+BTS7EXrYBxeWIG82mAhfCFALU"
    "A6msM/NQvhB3fG/jl+/boE419PrgXMbJTAmbAvwv9YLoNbY/8ex3uFLzQMthhUBuIYyfZQ"
    "HrW1bZMYH1bC+LAE48MsxrqDOBoadLMwv2d3XHOO8qFOUqbQNgLSvfAvfdzh7AcaV9haBv"
    "yrBPzbi8/nN7cnn7/wx80p/Z8l8Du5Ped3xuLqMnV15yi1TtEk4LeL258B/yf479XleZoz"
    "ReNu/zvi7wQ9l2iYLDS2+VesNrwaovadHxbTxxgj4xcmUH9cQMfQEndW24OthZvzAZ4GZD"
    "/9co0sKIDN7oHg1PzKpujh6n8P93t4NdwFHDYyJkVAZm/Nx/P0FYjhg/hJ/Nn8SXGsciSP"
    "EMNiqSNaqGYFjm+hOCOEHrZWyBr9rqSQLkkh/qJInJERwQDlkDeVzsg3JWfkG3VGvtwzMr"
    "7qIePT5NhYiqxJftaNE7EG+8qIHlmUsxD/RBxkPuBf0FIAfcHeBWI9T4HKUc/7CW1G2GCX"
    "HbiIjtb05mIYGMhCrkDhmm3464uz29H3KoId0XXPZngGZor64t1VMNGQYE/wgYlpWRtidM"
    "qmqABPsOKdR6dNCXi1nXLE4MReK5aFU3u7aYmY8TbTQP4zuditBOJuCcRKXHuJ4lr4VUqK"
    "aykyJa6ldB/O4CQhjZEoOMul3/hRsqH0ex2bqp/QrpV+U99qQvo9O7k5O3l/Psps3gagHZ"
    "gFMw1r7HuVVijaFAWjHZ0jCcZ3e7EgGG4Y5YkduMjnUeTInlIrku3i3ckzSpk7X6L8XMsl"
    "qCxHVS1HC2ixs3RDlH4TkwwVou0Z13oJjw2X81B+qY/QF3+WoYLkIN1z+DRaM3Bdh/MNEL"
    "c25fUTzzDdc+w6ubbb2N1SmR3ycZpFHrols5+aDxfYlZDazezGCY7hzoqP7GXZ/378x3i8"
    "v/92/Hr/6Pjw4O3bw+PXx2yseN/srbclItDpxYeLy9ukRMMvlMvybLmJrDAfp9lAmu+mA2"
    "ZDcR7qIburHESpFzDIIUSIHB1UCBA5OiiMD+G3kgCTyR9Id32QJFBOkSmoq0OdxxzWAp3L"
    "HRTMeTBP0JQ4OZv5483VZT7GK4q01m/qLvgbWCatIkf1hwFzKBKafYjnzueT/6ShPvt0dZ"
    "rm1HyC0zSrnrrIkYE9IlCo10dd2buKGc2LtXe1qijpOvHy/Rrhrd0yFclCxgNyNOiPbSXG"
    "RSeG2K9cE0bcRKdiXDrl8AjXp6oMFI4foPhzXCXi+7g44Ps4E+/9yH6XDLjh+AGCuz+uAO"
    "7+uBBcfit12oYcRWb3xmiGCHIVjIshzkjv0ArjGarbsGJE6w1ZTSH8ui14t2jIWuE+C3Ct"
    "DnpIoRCvhzi0LCbzYfQAXfMpb8MTYiGIC3SnDHFqGSaMuq11iK5sV+I4vbr6lJDPTy9SIF"
    "9+/Xx6fr3zRrAbNsh0C7BXWlPxx/BitaYYMyT8UvaLlPDD/Uz8zdOz1a/m2GXLwibZ1LHr"
    "zzIkkKT07nSoRTGaVxjdEvZHg/EW3bSa5SMqYZwQX12OZSL8GteaJaIvvzvOW2V/aNr+AO"
    "ehmaq6tLui2Z68OxBv+Qp46kLXkyqJs6LYYkWck7Pbi1/P29rTqZz/oyop/2mhKZbxf5TW"
    "oE0DzW3icpOD9oikTBU5pM3A/ryRIe0Xe3LQFHEjj5RZM0FUC+eOneKqmoVS3FpJjwycRd"
    "JxVXEqlc1Xns0HV867DTPOYm7AfgK7NuksubM6lXf2kXgOhlZhJGvi/m4FjQixkaoc6OB1"
    "IiU1bl9qnLLnI8d2zDy2W4x3imyAPsXmgwKVV7xFr3j8tSQwTpGpkrdVSt52VtN8Pt6sFE"
    "2laCbGbcFDqFxgTbjAJHWbEK687gYrJNdqNPG1a1Wl+RZXqmNs4XeVvNfN5D3lF3oev5AK"
    "q9xSWKVWkKRTIbhSK0rXURtdYqMrqfKFSJXKfbFOdqxlwFyByu3SsuXN4zQK0HJ/EAo9BB"
    "t6g9IOh35iu9YlFN9aBQ6hHJagvG399rYF8ZY5CukqErNYH42V2GqzzLdKg+ymy01pPW1r"
    "PbaJtRmkMxmE4zTDC8oaHx5W8WMeHhb7Mfm9lB8TmhZTTThy0HXR3M4rYlaoXxZQDyatbP"
    "zm4O3B8f7RQaRZRlfKFMqs8mgR/ZEBxY5CM6dlVrn6mKZtQIHs2D7vib4YYlKqME4d8n8o"
    "x5damhK4IlKpgBKpgD5smoMglXNfZwiHd1qopq3KBlaBp6kOJ89YH7FbpsWeVpAvsYOpLi"
    "cjCVtNWZeTesaaCjazMD+2fYtZF7Z3C/ayjWxgooR5jgUsLG1ebP+K6qe3HIWRlBsYLGxE"
    "ykQWC87g9ww2JZcjhPDopyDKBW0oa1nT1jLszSd5rutiAX1FMcBw9ErR6CXB6Gmp3DVdSy"
    "qmNCIYoBmylWj/0ijpW/RngXlseFHSZVrN+X9uEwpNpkRqpNR8urr8EA5P101Nbe2lXG3r"
    "cPwgN3bTfEPFzD1X+TABomZD2ZjRFOFg7OwqZvG5uUvD3rsuVgvJitZfzi/fX1x+0E7Ofr"
    "m8+u3T+fsPn8/93bMFdl4lT25cnCc3zuTJxRWfrGm2QEKJ0ZQZZXu4v0vg5UbVjDHuEZOF"
    "yDKoY97OIVduui676QyT2p6LCn1HJUJ9hnIIzqNtC/YrFClDVlqxyqVW6yC/Djq3t1o1Po"
    "MMoUK/BvrKn/oC/amebdRc9SSlWvWurHqOyJHTLVR50VvworNfIwtpjET1bFQO9C070NOb"
    "twFsvwbT9HLHroU19rlKxyTEfJDENfVNO8dzv/ilmGhA2zgZdr/lxt892ZOt1sbgu+qMG/"
    "ZFDERuMEZ4e3ddTIamx0auC83g0TfAIQtgIwcgboFF7OfOELAgdQGfDviOeDCDbD0MQDx3"
    "D9zCRwZhcIcCXyaljM4UuyYOcuMPuMN8NhNzRismEnoQH81+KaZ+A+FdQElEPYNPCGACHq"
    "BNAXGA4dmWqfMJ90a7VWJQpGJHXkq1jw0TI4pDRfjG0IriRcpcYylC5Rqr7hqTqKLUNhsM"
    "DtcCLrg6etcwwdhhv54JngB/OKDsyAJwwngQgD5zmiwFk6H6DBmehcDO3Yg8Icfw0B2b+y"
    "7oPvxu3/+XqLLx7u3d6JVgchlm2NaD7rC/YYENTQeYFCxm0AVz+MiYJoL6DBDGhR8IEM9j"
    "N5gKwC7pDIoZWSD2GEDYhFi8wR9kAhwPFzLHbwJgftP/LSoxtWOhdtEnUjnULqIYoFu7+a"
    "AZ/u3WsNzFyAZotuuvmS5rnRUHiByzipEo+1y5RSk8PTa0eIQB6v2EdK3JI7ahEiaPs5Ob"
    "s5P3589VMiNU6/OKOK40/mLZLG5c6FzeQLgzaxd7VMJM08LMMxVM7pjGnRBoDqoINAfFAs"
    "1BRqCxPYctixTEMRIlM1aQGW2HPDG+I5UBE6cZIMjN905T0ewqmroru7vhaOopyusxXrKv"
    "AwJlBK23o3sRvd7j87ADDYvSfscOiXgtdblkv5O6Ws2+RQXkQ4j5bLt9Ea+R5jmIgWlICd"
    "lpuuFh3Xw3oxCzOaIUPtSCO0Y6PMTbamvkcee9VkcCzyFWUks9qSXUGLVaZpN86uF9Au10"
    "nJoh/ZF4ruY5OdbtEjUoRTdIuCviXQp4FnHL5B41inQHSUkyGcLhYb5fCfL9EsT3Vem/4S"
    "ctVElV0cnc5s6nWuueolUJscrt3es1lchKUck+Kj1ly9C2kJ6y3WCNbjKC2rEaz97fBE1m"
    "hDyePxVEbCTu75b2OvFHauipcvDG6HaGgoD/Hygw8YT8CcgUhEom8Kd6B6jLNpMB/PBWsE"
    "AAYrpg98evmW7O3ogJ6wYPjoWj1Jo1/oA7vCDOI6f8k/0waykiZMFOGFnLbiTnBqbxqjhI"
    "Nu69FcP5DlGhsp2KLlFe+S145aPNLwFynGaAILfi3xEASWAcjh8gvq1Y+J4pFK1jMtEWgL"
    "bh0iIwh198vLm6LGDKK5K0jcHUXfA3sEzaY8E+D1wORsKykKlGky48kzof+QTpajS9CHtg"
    "cvXZ+cWv5+/bEjZaj1OTb7OlemtlU0hjIobjkBwhrrh0VUQwBJa87ZJVDtKR+VTLIJwiVZ"
    "6ArhiIq3gCmOajI0prLXyaVnkCuuwJwIxxhu0cayx2DvlW1rsj3Yp6t9zKsftS2HlH6jzw"
    "Kg5TXoLFX42MYTpxf7fMMI1jI9tPKlTm2mc113oUObKF/lYk7bpSO3L2SDioH9nLy2j64f"
    "gB2gubT6lUDZnaNndPiJGTNlKs8ofjVQsm+UrtjCHLWGPD8RuZYvuj3rViieVyZy0DC1Qq"
    "ttK5lM7VHZ0r2UXQMp+Qs9QY0F6t1c+fQZlXOvapSyjamd1hblqjOK4+vw/2Sw/5QFH4Xa"
    "uVeHOxW2OiiGNczVShJZe6Wpne+ARA/IeAPoMYI+sd0C3IvvMozI0ibPCauBAbYA6dR3ZH"
    "lIwUhXGzoXTNTn+HHcSm5sV8HeAgW5xXoq4kFrUmOTUF8IGtqV+oElqc5S/BAmF3V0wa5G"
    "JSQGdkURxkh1OGouB9VZxdtww34bJkoC7Li4tIBqgRH1fQh48LteHjbGiSbtpmbhh8WWhS"
    "jGiAGI8PK/VXPCxpsHiYSeXvR4BM0NWyLSah4mN6Fh8jKqNLB8kkqVSkjLzhLMqol4t+Tp"
    "ENAfltZOD7Imodi0qCUtnNuqZMd674tlpfZRdVdlHVD1Ot+kb9MBMWMTlLTA6pSpUvT5VP"
    "28o2TOlOx2j1E+K1ud05G61L9fjjq/BllWy2xmD9JZGWVtFkbUdEEjZrHn/1Aw3tyDxNWz"
    "RxC/K298Al4c3h/I5wwRpTsMOtxGzTcQszwa/2wAX+kb9kamEbf8AdToQTAuggAK0FXFKw"
    "cEyXAfRPPg/lM+m8/RyaQ9MS9uqbzzdsJmvZRkc5ZY8ebiDhsxadbSaOUHwEOQ5LQiwEcU"
    "H+VUiTwnLCiNo6TEJktwvk6dXVp4Q4dnqRNhx9/Xx6fr3zRmDNBpn+wZJTk3qe5xcugzmg"
    "UCBXB3nucW2Cx7rmgF0c8pYi234ScowtTzzTck1M9/jznoMztxIQp1TEwqUYmIrYkSSVD2"
    "wDMNnvjOCp+ZAnUScHlArSD/5Qrm6wsVW7kuJVeSOKXN7jmIIpcURkRugj2ANnDuI1vUw2"
    "iZBYg3pHTFB3ljbbw3sZubnJiZWs2wlxrOs1jjrUXKF5f7VhUttiX7f4twTMaboBBmG04+"
    "lbMSYt4kZZ4Is924UTDGIFtu3lhrapTSBFsqXP03TD83O30mzBpBoTG8ynvIZQZcpggk6p"
    "hNVVQgZc+ObSiMcItwh5dKW3mCs3cDGL6ae2p9zAL3HVO67jXyPehpLhXtLXOjNmt0zTd8"
    "LRmlSr69EJCItzc6XchX5+hcn3gOdroC4BbEowdcice6FMByygZSGX52pAQPUZMjwLvfPv"
    "ZXX+Zue/w8RGGPDK15RXXb4XNbD5PrwHns3nuvfbOd3vAuLsgoXJvkjPZRPxgYAP3I2G8O"
    "Fs1jscOu3uRQUhx8Ma/2LvgUmF/85GjkkM9lomN1lwqgm7CE3jn2xenjGCjHAMowhyUO4w"
    "dIMJVyWJ2Esy8d8Cpguop+sIGZTnqoiHWBCzST2KaEUDx7dYjHfixf2u4nJ9yJW15FmtJa"
    "puQ9t1G1STZtWkuSsbvOkmzaJHqiTECaIBYvymmgGwxP6XqfwSihoyMCeIhmdpar5Dcxcz"
    "3XLc3idntxe/nrclZLS9lRlkjuvLihmgucJbCHSMqkzZ7SH3KIGYK6spAJPytgSGGUIFY/"
    "8KvnYF0Y5bXLKGtlVn8VxZvFAQz9CpXNtMABk7McLqFRLIpsm2B+x+T4AV6cicY8vzpxSp"
    "4k1d5k1isVaMxpAS83OJhyfu74+raK7jYtV1nJZE48DVBXyYWLfixA9NvpMcW0GxVTdJpR"
    "LelNN44O5D5TR+iate5DRW7bVVe+0u5wpXa69dHOkQw93DG9YAjaIWrr0hpWe3WvszgVlZ"
    "JEiAaZUokHAlq6VLBza0MBZD5GP4AQ1kCqCITdjlQRvIcVfFOCFegjkbyv98QnQPnIxSGD"
    "c59x0WEROUTj0LsF8HZoRhG4vP+IGCRzbexOCeJ5dYPC8OLe/DRtqv3oman6IQ6IwhiDAj"
    "Jnc4ir1wyGLXT9eGDE9IEXDQlIdj8CgUxHaEAfx5eXQNf3c+lrKVCp5f0pKbTS++GDEusv"
    "wGwKiiod0KxUitUlXDforsRZv1w52dgW9dHcXtWiDbD7VozAjZD6/o9pz7VexQb4rtUG8y"
    "dqi+hAe17I5QsUHPvbWbjg2qadBWtmx5W3aI2ZxJqUzSrwN3jHR4iLdi0Y7J+lLHY5KsEb"
    "A7lGx8XAXp42Kgjws9B8rIPRRzZ6Xe20x1lTR1xkiUmbPczBkaBjY2cWYzhfoJ71pTZ2xz"
    "SZs52zThMeSJl5vGFdzZLTPb2WKMhL2OpzUZDBhoRXlTq9IqDnpC2ENBGpXf12YxQw4SaU"
    "c8BYvmGuo2nfQO79xT5DyZOqJ7wU/aE/T0/lXlnKZs2pKyhz2rPSxRs7OqeJUgGlwpl+b7"
    "9vbF/DC47KQpyqtnUYJ6QKAsPsri002LTxdNxUOqutWNwmad2sHNgzyB+FHaZpkgGiDMzS"
    "fbCcRky8cliAYIcyu146Auclc07M0ncrwjSzlAzJvf2hFskrs7TTdIsFuoryDSyakfJS4d"
    "HJkh3UBN75gLpJkQc7/xQw1sM4QK2VQKKsmL8ynmD+F45Z6r5J7j+4/yNi6yOGcIFeCVAF"
    "cOf+Xw7wri7dShNdDcZjwB60tZp38O6eBs020Kd2xK/IAc2zFlW77nkg9QtD6q0vv9qLj1"
    "+1Gm83vUlLmWHyafenicphWdnSJsaDWawmfoBuMsaC6eWbVTHn4xBeQ4RMrUlaQaHpdqNa"
    "VfBea9pMC80K4jv+pJSsVGu8xGdTK3eYhbra87RatWussrrapJDI2L5yx7l1oQ+HGpN0Eb"
    "vlFh5Go0Ynd9BKtG44PXRrLexgNM/RmivoDvRKK4yMmeQwPxZgBT06Gu6Lj9gLLNBTedrO"
    "GGgoXKYa4XJkcjDHhtd61OjWiEHesf2LEDru0oG8Gagk/XnTG2xmsqZAEvDUItmqKWzaNr"
    "+D9LiKQSBZQosFVR4COZFFSeCe6UHv1/kIlktZmwp48BGK2o5RI2AaYWcXkFF3dm0uA0fw"
    "ccZAs7BTCQZT4hx0Q0Xn4lIwk0/4g7HLjpRD9iER/ExvIUGPpo2jb7O8G6yIRhc75n+yNs"
    "DOSx4Y8I2ZTdY0/jli0gkmZ2RN+ha2QwAoPt6R+ZpuYiB7CvzAtJMAEcTMQXuTB/5hvHn9"
    "/jv0uVkulW6kywNFXFl2C4cotVcIuJ7S55PIY0AzwY+3sQZk0hXUxgyC7m6Prr5eXF5Ye2"
    "OFLrzcOjk05CeU0SKbdmWnSv4SxWfuJSQKdTpOd2WS8GNEaiAE0DWuCTLe5ZPyh3bNkx2U"
    "aLetExqZYqn6QcoMTSU1W+im92amKTzmote4pU+ey6Jqh2xGRzwoQwfTbKMdkEd3bLTDZw"
    "NWadwaZ4YZXDpFsOEyaX06A0d1W9KUYyQKPD+PCwSiT04WFxJDS/lxJI2UclgXAwfIDoth"
    "Jxy57o5pb9/3hzdVkU5hKRpE9LU3fB38AyaR/LoZSAy8EoF1XTUmnq8OMTnOaVJtvmYfb9"
    "/wGA+VLt"
)
