from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "payouts" (
    "id" UUID NOT NULL PRIMARY KEY,
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
    "requested_by_id" UUID,
    "decided_by_id" UUID,
    "note" VARCHAR(500),
    "decision_note" VARCHAR(500),
    "failure_code" VARCHAR(32),
    "failure_message" VARCHAR(500),
    "idempotency_key" VARCHAR(200) NOT NULL UNIQUE,
    "request_fingerprint" VARCHAR(64) NOT NULL,
    "provider_reference" VARCHAR(100),
    "send_attempts" INT NOT NULL,
    "sent_at" TIMESTAMPTZ,
    "last_error" VARCHAR(500),
    "created_at" TIMESTAMPTZ NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "completed_at" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_payouts_status_c4db49" ON "payouts" ("status");
CREATE INDEX IF NOT EXISTS "idx_payouts_created_c010ff" ON "payouts" ("created_at", "id");
COMMENT ON TABLE "payouts" IS 'One withdrawal from the estate''s revenue wallet, and where it stands';
        CREATE TABLE IF NOT EXISTS "payout_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "provider" VARCHAR(16),
    "auto_payout_threshold" BIGINT,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "payout_settings" IS 'The estate''s payout settings: one row, made on first change.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "payout_settings";
        DROP TABLE IF EXISTS "payouts";"""


MODELS_STATE = (
    "eJztXf1v27a6/lcI/9IU8HJaJ2lzu4sLJGnWZWuTIk234TSDSkt0rEUmfUQpbs7W//2SlG"
    "Tr26Is2RJDYOhaiS8lP6TI933eD/498BCG2Nv/6JI5cr3HwRvw9wDDGWJ/ydwbggGcz1d3"
    "+AUPjh3ReB60shEV7cbUc6HpsTsT6FDELlmImq4992yC2VXsOw6/SEzW0MZ3q0s+tv/jI8"
    "Mjd8ibIpfd+PInu2xjC31jnYf/nN8bExs5VuKFbYs/W1w3vMe5uPb588Xbn0RL/rixYRLH"
    "n+FV6/mjNyV42dz3bWufy/B7dwgjF3rIiv0M/pbhb44uBW/MLniuj5avaq0uWGgCfYeDMf"
    "jfiY9NjgEQT+J/HP5f+GqxZoZxeXVjfDq/MYyBBHYmwRx3G3scqL+/B/2uABFXB/wBZz+f"
    "XO8dvHouICDUu3PFTQHX4LsQhB4MRAXoK5TF/zM4n02hm49z1D6FNHvROhhHF1YgryZYBF"
    "8EUAuQDmbwm+EgfOdN2T9HL16UYPzbybWAmbUSOBP2RQQfy2V4axTc43iv8IWWxQaDykAc"
    "E9keyoO2pm0S46NKGB+VYHyUxdh0EUfDgF4W5rfsjmfPUD7USckU2lYouh/9pY8znP1A6w"
    "o7j+H6VQL+zcWH8083Jx8+8sfNKP2PI/A7uTnnd0bi6mPq6t6r1DgtOwG/X9z8DPg/wb+v"
    "Ls/TK9Oy3c2/B/ydoO8RA5OFwSb/aqmNrkaofeebxeQ+tpDxC2No3i+gaxmJO6vpwcbCy/"
    "kAT0Oxn369Rg4UwGbnQLhrfmZd9HD0v0fzPboazQIOGxmRIiCzt2ajWfoKxPBO/CT+bP6k"
    "OFY5mkeEYbHWsRyoZhWOL5E6I5QeNlbIGfyptZAuaSHBoEjskUsBBfWQl5X2yJcle+RLvU"
    "c+3T0yPurRwmfILWMpsSbXs27siDWWr4zqkUU5C/FPxEX2Hf4VPQqgL9i7QGzmGVA55nk/"
    "oc0oG+yyCxfLrTU9uRgGFnKQJ1C4ZhP++uLsZvC9imJHTNOfMzxDmqK+encVdqQS7Il1YG"
    "w7zoYYnbIuKsATjnjn0WlTA15Npxw1ODHXinXh1NxuWiNma5ttoeCZXO3WCnG3FGKtrj1F"
    "dS36KiXVtZSYVtdStg9f4CQhjYloOMu13/hWsqH2ex3rqp/QrtV+U99qQvs9O/l0dvL2fJ"
    "CZvA1AqxiDmYY19r1KGxRtqoLLGZ2jCcZne7EiGE0Y7YlVXOXzKXJld6mVyHbx7uQepenO"
    "p6g/13IJauaoKnO0gA7bSzdE6XfRiaoQbY9c6yU8c/g4i/SX+gh9DHpRFSQXmb7LuzGage"
    "s66k9B3NrU1098y/bOsefmcrexu6U6O+TtDIfcdUtnP7XvLrAnobXb2YkTbsOdVR/Zy7L/"
    "/fA/o9HBwevRi4NXx0eHr18fHb84Zm3F+2ZvvS5RgU4v3l1c3iQ1Gn6hXJdnw01klfm4zA"
    "bafDcdMBuq89CMlrvKQZRmwQKpQoTIq8MKASKvDgvjQ/itJMBk/BcyvQAkCZRTYhrq6lDn"
    "LQ5rgc5dHTTMeTCP0YS4OZP5l09Xl/kYryTSVr9teuAf4Ni0ih7VnwWYQ5Gw7CM89z6c/J"
    "GG+uz91Wl6peYdnKaX6omHXBnYlwIa9fqoa76reKF5snxXq4aSaRI/368R3RqWmUgOsu6Q"
    "a8CgbSsxLiaxxHzlljDiFJ2OcemUwyMan6o6UNReQfXnuErE93FxwPdxJt77nv0uGXCj9g"
    "qCezCqAO7BqBBcfiu120YriszsjcmoCHIVjIshzmjv0IniGapzWDGh9URWUwi/aAveLRJZ"
    "K9ynIa7VQY8kNOL1EIeOw3Q+jO6gZz/kTXhCHARxge2UEU4Nw5hJtzUOyyvb1ThOr67eJ/"
    "Tz04sUyJefP5yeX++9FMsNa2R7Bdhrq6n4Y3iyVlNsMST8UvaLlPDD/UyCydOz0a/m2GXD"
    "wjrZ1LEb9KISSFJ2dzrUohjNK4xuCPujwXiLbrJm+YhKkBPiq8thJqKvcS0tsfzyu+O81f"
    "xD0/wDnEU0VXVtdyWzPX1XEW/5CnjqQc+XKomzkthiRZyTs5uL387bmtOpnP9XVVL+00pT"
    "LOP/VdqCti00mxOPUw7GPZKiKnJEm4F9t5Eh7Rd7ctEEcZJHitZMCNXCuWO7uK5moQ23Vt"
    "IjQ2eRdFxVXEpn85Vn88GV827DjLOYG7CfwK5NOkvOrE7lnf1CfBdDpzCSNXF/WMEiQqyl"
    "LgeqvE2ktcbta40T9nzkzl07b9ktxjslpqBPsfmgQO0Vb9ErHn8tCYxTYrrkbZWSt521NH"
    "e3NmtDUxuaiXZb8BBqF1gTLjBJ2yaCK+90gxWSay2a+Ni1atJ8iRvVsWXhT528183kPe0X"
    "2o1fSIdVbims0ihI0qkQXGkUpevoiS4x0bVW+US0Su2+WKc71iIwV6ByXlq2vHlcRgNa7g"
    "9CkYdgQ29Q2uHQT2zXuoTiU6vAIZSzJGhvW7+9bWG8ZY5BuorELLZHYyW22izzrdMgu+ly"
    "01ZP21bP3MbGFNKpDMJxGfWCskZHR1X8mEdHxX5Mfi/lx4S2w0wTjhz0PDSb5xUxK7QvC6"
    "SVSSsbvTx8fXh88OpwaVkur5QZlFnj0SHmPQOKbYV2zpFZ5eZjWrYBA7Jj87wn9mKESanB"
    "OHHJf1GOL7U0JXAlpFMBJVIBA9gMF0Eq577OCKq3W+hDWzUHVmFN0yec7LA+YreoxZ5WkC"
    "/hwfQpJwMJrqbslJN6ZE0FzizKj22fMevC9G6BL9uIAxMlzHMYsKi0eTH/tayf3nIURlJv"
    "YLCwFimKLBacwe9ZrEuuRwjlMUhBlAva0GxZ02wZ9mfjPNd1sYK+klAwHL1SNHpJMHpaK/"
    "dsz5GKKV0KKEhDthLtXxolfYO+FdBj6kVJl1k153/cJAyaTInUpVHz/uryXdQ8XTc1NbUf"
    "5WpbR+2VnNhNrxs6Zm5X5cMEiMYcysaMpgSV4dl1zOKuV5eGvXddrBaSVa0/nl++vbh8Z5"
    "yc/Xp59fv787fvPpwHs2cLy3mVPLlRcZ7cKJMnFzd8stRsgYYSkykjZXs4v0vg5aRqhoy7"
    "x2Qhsgzq0Ns54tpN12U3nWXTue+hQt9RiVKfkVTBebRtxX6FImXIShtWudJ6HOTHweR8q1"
    "PjM8gIavRroK/9qU/Qn+rPrZqjnpTUo96VUc9ROXJOC9Ve9Ba86OzXyEIaE9FnNmoH+pYd"
    "6OnJ2wC2n8Nuejlj18Ia+1ylYxJiPkji2eamJ8dzv/il6EihaZwMu9/ywd89mZOt1sbgs+"
    "qME/siBiI3GCO6PVwXk2GYsZbrQjN49A1wyQLMkQsQZ2AR+7lTBBxIPcC7A4EjHkwhGw8L"
    "EN/bBzfwnkEY3qEg0Ekpk7PFrImD3PgDbjHvzcZ8oRUdCTuIt2a/FNPgAOEhoGQpPYUPCG"
    "AC7uCcAuICy587tsk73B8Mq8SgSMWOPJVqHxsmRhSHivCJYRTFi5S5xlKC2jVW3TUmUUWp"
    "7WUw3FwLVsHV1rtmEYxt9usXwRMQNAeUbVkAjtkaBGCwOI0fxSJDzSmyfAeBvdsBeUCu5a"
    "Nb1vdtePrwm4PgX6LKxpvXt4PnYpHLLIZtPegWBxMWzKHtApuCxRR6YAbv2aKJoDkFhK3C"
    "dwSI57EbzARgl0wGxZQsEHsMIKxDLN7gLzIGro8LF8cvAmB+M/gtOjG1Y6F2y0+kcqjdUk"
    "JBt3bzQTP8263B3MXEFKTt+kvTZdlZsYHILVYxEc3PlTNK0e6xIeMRBaj3E9K1lEdsQiUo"
    "j7OTT2cnb893VTIjMuvzijiuLP5i3SxOLnQubyCambWLPWplpmllZkcFkztmcScUmsMqCs"
    "1hsUJzmFFo5r7LhkUK4piI1hkr6IxzlzywdUcqAyYuoyDIzZ+dpqPZdTR1V2Z3w9HUE5R3"
    "xnjJvA4FNAlab0b3Inq9x/thBw4sSvsdO6TitXTKJfud1DNqnltUIK5CzGfbxxfxGmm+ix"
    "iYlpSSnZZTD+vmTzOKMJshSuFdLbhjouoh3taxRj533ht1NPAcYa211NNaIovRqEWb5Eur"
    "9wm0c+LUFJn3xPcM381ht0vMoJScknBXxLsU8Czijs09ahSZLpLSZDKC6mF+UAnygxLED3"
    "TpP/WTFqqkqphkNufOp1rjnpLVCbHa7d3rMZXIStHJPjo9ZcvQtpCest1gjW4uBLVjNRo/"
    "3yQ+Lp5JbGzY+IHkRvtFuRpRdc0qmS2iy4tVj2qM1nfJEJff0XhKyP35Q0GcS+L+sPSEmK"
    "ClgR4qh7wMbqYoTJN4RoGNx+QbIBMQmeYg6OoNoB77BC0QBAWDBQIQ0wW7P3rxYgjYGzET"
    "x+IhxXCQwq7xB9ziBXHvueQ39sOcRxFXDPaieGR2I9k3sK3nxaHFcZ+3aM6/Kx1g3KmYHB"
    "3LsIVYhuXklwA5LqMgyK14xQRAEhhH7RXEtxVedEcBfB3TTbYA9Bw+OgTmrBe/fLq6LFiU"
    "VyJpZsY2PfAPcGzaY3MoD1wORoKPydTwSZfrSe2PvIN0DZ9eBIswa+Ts/OK387dtKRutR/"
    "fJH06mTyTLJt7GVAzXJTlKXHHBr6WACkvytgt9uchE9kMtGj0lqv0nXaHVq/hPmOVjIkpr"
    "DXxaVvtPuuw/wWzhjA7BrDHYOeJbGe+OnPHUu+HW7vCnspx3pDoGr30x4YVrgtHIENOJ+8"
    "MyYhrHWrafiqnp2p3StT5Frmx5xJVIuw7ojuw9Em79e/byMpZ+1F5BvrD5RFR9jFXbdPeY"
    "WDnJNsUmf9ReH1wlX9+eLcgybGzUfiMqtj/mXStMLNc7axEsUJvY2ubSNld3bK7k2YuO/Y"
    "DcR4MB7dca/fweNL3SsU9dwtDOzA5708rOcfP5bThfergOlIbBbYOaWGK3hqKIY1yNqjCS"
    "Q12tuHG8AyD+Q8CcQoyR8waYDmTf+TLMjSJs8UrCEFtgBt17dkcU2hTlhLOhdM12f4tdxL"
    "rmJZBd4KK52K9ENU4sKnRyaQrgHRvToLwndPiS/wgWCHtD0WmYwUoBnZJFcZAdThFF4fvq"
    "OLtuETfRsGSgLssmXIooaBEfV7CHjwut4eNsaJJpz+3c5IGy0KSYkIIYj44qnUp5VHIs5V"
    "GmAEI/AmTCs0DbWiR0fEzP4mNEPXnpIJmklI6UkSfOlnUI5KKfU2IqIL+NugWBilqHUUlI"
    "at6sa8Z050qW6/HVvKjmRfUponrUNzpFNMGIyTExOaK6wEB5gYE0V7ZhInw6RqufEK/NiM"
    "+ZaF06xSA+Ch9XyWZrCOuPibS0ipT1fCkkwVnz+KtnNOKReZq2OPouzNveB5eEH6kXnKMX"
    "jjEFe5wlZpOOM8wEP98HF/gH/pKpgW38Abc4EU4IoIsAdBbwkYKFa3sMoB95P5T3ZPJD+9"
    "AM2o7gqz99+MR6ch7bOIdP89HqBhLutFRvM3GE4iPIcVgS4iCIC/KvIpkUlmMm1NZmEiG7"
    "XSBPr67eJ9Sx04s0cfT5w+n59d5LgTVrZAcbS04l71meX7gM5lBCg1wd5JnPrQke65oDdn"
    "HIW0ps+0nIsWV57NuOZ2O6z5+3i5W5lYA4bSIWDoViJmJHklTesQnAdL8zgif2XZ5GnWxQ"
    "qkjfBU25ucHaVj3LFa/KG1Hk8ZOhKZgQV0RmRD6CfXDmIl4JzWadCI01rHfEFHX3cc7m8H"
    "5Gb26yY63rdkId63qNow4dSdG8v9qy6dxhX7f4twTMaTkFgzDa8fStFiZjuRplgS/2bBd2"
    "oMQIbNvLDee2MYYUyRaMT8up5+du5YgKmxpMbbAf8kpllhmDCTltElY3CRlw0ZtLIx4T3C"
    "Lkyyu9xTxSS2Vs8LiMTj2rb2lrF3zx8t5PS1u74J/iqHecX7lG/OBUhnvJSeyZNsMylsWN"
    "WhtSh7MPTkBUTp4TIh4McltsPgf8wPr3CGBdgolLZtwDaLtgAR0HeTxPBgJqTpHlO+hNcC"
    "/LtzTb/y0mc4QBr9VOecXrr6JqO5+HX4E/5319DQ4g+zoExB2Chc2+SN9jHfGGgDccLpvw"
    "5qzXWxw5TL+K6k2ujw3+xX4FNhW+0zlybWKx17L5HsulxuwitK0fWb88WwdZURsmEeb/3G"
    "LohR2uykGxl2SmlwNsD1DfNBGyKM8TEg9xIGad+hTRiuTSl1h8feLFB6zhl9SGxAtw86vx"
    "oxZiLf7UTNVOmSpdM6Ptmhn6WHF9rHhXJnjTx4qLU30lIU4IKYjxy2rkawn3mqm6E6kaMj"
    "AnhNRj+Zo/U7yLWYY5IQcnZzcXv523pWS0PZUZZK4X6IoZoLnBWwh0TKrM2O3h6lECMTdW"
    "UwAm9W0JDDOCGsb+FdvtCqIdZ1yyRFt0OLuZr4sXKuIZOZ3nnAneYztGVDlEAtm02PaAPe"
    "gJsCIVnK/Y8utTSlSvTV1em8RgrRYaS0rNzxVWT90/GFWxXEfFpusorYnGgasLuJpYtxJA"
    "EVG+4xyuoJjVTUrpZEPtNFbcfaidxk9x1IucxvpAeH0gfJfztKsdCF8c6RDD3ccb1l9dRi"
    "1c+yqlxrdadzWBWVkkSIhplSiQaCSrpaqHHFoUiyFyYYKABjIBUMQmDHnQBnK9VSFUiB/B"
    "jDXlfz4gug9OBimMm+z7FouICUonvgPYrwNTwrCNxWc8o+Cetbcx+MqjIR2ek4gev0aHmD"
    "9/I+qtiiKsU4YgwkyY3OJl7IVLFsMgVR4yPCFFwEUTHo7Bo1AQmxEWCPrl0TX83XlbykYq"
    "fH7Jceise/HFiHZL5jcERhds7VYoRmqUqhL7KbEnTetHMzsD37oalttlINsPtWiMhOyHV3"
    "R7zv0qPNTLYh7qZYaH6kt4UMvuCB0btOup3XRsUE1CW3PZ8lx2hNmMaalM068Dd0xUPcRb"
    "YbRjur7U9pgUawTsDiV6H1dB+rgY6ONCz4EmuVWhOyude85MV0mqMyaiac5ymjMiBjamOL"
    "OZQv2Edy3VGZtc0jRnmxTeqe2ZxMYnZhChlEPipVoMy2i8cdDWgEFjCSJvAT1z+gOvxghC"
    "YUGKhWxVkOckijbaHs9UMpH9gH5gywGbshSI9rz6zQW/yVaE1NA1/4RbbFPgEJMforSY2g"
    "6XBFFjdgs67CafxeJwJW8hKESR3RYep3Qn8sQQENNWF+Xpypo3LOHX2GyRPBNiJaFcQZ7m"
    "jRCM2Gfi3svgGxNR0KBuvuaRCDsWv02C4UwKKUMYNRtmSU1YO84yJqsDLbsTQZG1KbQlWf"
    "xRqWVJSlRbiDHxgfq36UGwkb4d9NbDubCTUIQUaiV2zArXCnZMfEir1aQQdkPMFKA+MxE8"
    "wgMGAgvgDZj968W/xNhw44NbGzF7JKfwZ0Od5nr44cqqC7Z47dPvlM0hq6ztQE/rkTMarr"
    "79qiZGTEQ5G66VOp/hgiTLvSakNlgn+qP+SsTp+zSvVGppGcNIRBcwlChgyJVvagTbq8Si"
    "mxbb3tr7sicL78RFyBCHzctaTklJbR9r+1jbx7u3jxNKVWBCSG74SSntby33t8bMtA1drl"
    "lvXj/xXetwTU6wDVJLbPxAbLMhVuci6Ewh3LfB6kSoFbM6MVzXszrxEa1C6oTPiLiWZxQw"
    "dWRGwV5oHA4jTzAfTl66E1tk8Vz4knnmhvAvm1OGGaBTsqB5FE8bj9AO5Q4s6sMScqcLdE"
    "R2VVGMj9Bu5dbdykE6gUGhl7dJrs1DWAqqxFluOR+BA2TMbExyDOyyEUjK6QHQCSGdTQjh"
    "ZV9tF1nBeXzuLDjvWYKmK+5ApXnfGGeHvs0ZWrQGm5OUVJDN6Ql7U4m0E2GxhqjuLzvOKd"
    "HtDHRHztru3TiHQQRWDTUtI6pMEOC2lYSaO9cON6y+RGHy0yFtr9b0zogqg+62p3cEZA1D"
    "JCurR6HeKIiYYnOKOF1YNyQ5Ka69rl3e2LXXtfgDVNjrGhDBhosmsp7XjKT2vnYrhq1bMY"
    "PtOLRXk7BBp7ZyIfPDtFM78+1u4NhmT8IUmgXGSA3n9s2qQ4XGIMfBnVkpsvBdYXRD2B8V"
    "Z/AGCfBdWBzWp78n1sYqk7aJuIH4hCyOHUhN2/XxA+kPp0oMQUyGO/n5cZwQgzAS4RkFSz"
    "8/pICr4IAihPlJokvPfl7YQEO95qaG2KuQCu8bP4VTBw90KXhAjEkG55JzN781mYm+a8U+"
    "4Wh6dVjB0/TqsNDVxG8lFcAH6LDvQZ5KSsqp5FbaMokx5uFOxpSpgVOZapxpsVoj0DGuoo"
    "2KnFIl3pYCWzyl8P3Wzig8rlJvrLjcWHrl4PiEZIlEtk5MaosJO7sxGhvM1yE+U8jywC6e"
    "zDER9eoUNjyXJ7bLy1MwlbEGuZgRVpBf7AmfqGlkTSMXjHpo5EkynUkpTR+Xc50xQ7oZnl"
    "O9JJJhii5KTrBOFUz8CB+ZDjHIoZPCO8MyCmku2sjURbS9qcWwgQ6YuGQWq1X4jFcpfEDY"
    "56UNHQbPMEwHQS4Ctgf4ZLJohjRqotNbvPeVIveBJ9Hshz9pX8jTr88r5p58Se0bEcOkKa"
    "WdUUoumiAekCylUCeElCuRcVglI+WwOCHlMJOP0pfzGpSjlCYozyovQT0U0HFIOiOiodWk"
    "4YyILp6ts8Pswcbz2uYuebCtvJolxQjHZRScwc2DPIb4XvqQl4SQgjCPqqgdo2K1Y5RROw"
    "Ri4h+yMEdCCsLcSsJxVHgC+7Ox3NqRlVQQ8+an9hI2ydmdllMS7Gpol8GdwZvnUSLKLfdx"
    "fkH8stOkM6K61l8SXQuZTH+ogW1GUCObqgRB5PzeUXv1/IStnGfG5x9lr2XI4pwR1IBXAl"
    "yfkKhPSOwK4q1McLadzeZsTcDmo+wpiTmiynHTbSp3rEt8h9y5a+dx1WXegFxxBVXr5oNO"
    "I+rIqOWHyZdWb6VpxWanCHM/pDjKXSYxPyOnjLOguXBTnvYhH1QUE9Ppx12OGxP54sh18x"
    "L+i1erpJR6q1Qr+pAO0StGX90QvYjXkR/1pKReRru8jJpkNuchbrW+7pSsHukuj7Q/t2qu"
    "4klJvYp3eNiXieMVTxFsP2L1E/I8hn2AYG7k6rLFcH0Eq0HjjddGst7EA0yDHkDUwxtxDr"
    "ZLFkMwgxbi2ckid4TnJ+M7lE173rSzhuuiF5/FVvEwoHCt7S7r1IhFWBx2upMwm45tcK2X"
    "6OZLU/jpelO2rE2Jk3ekWFkQalEXCiXZbjlEUqsCWhXYqirwCxlf+7m1UMI7pVv/X2RsuH"
    "7Vmic80YSaU2T5DrIAkwVMFkyIK7Zo6hAP2LwQiU3D3fwNcNFc8BTAQo79gFwbUX6aLU9P"
    "oWGQTiaXpdlH3OLQTQegi4CID2JteQoMvbfnc/Z3gk2RCcP6fMvmx48AgtDDB+4RmlNx9q"
    "5gtoBImtljXd/ia2QxAYvN6R+YpeYhF7CvzI9EMOGVXEzEB7kwf+YLx5/f479LV2PpVupM"
    "ODRV1ZewuXaLVXCLiekuuT1GMgpujP3dCLNUSBcTGLKDObj+fHl5cfmurRWpbd1/tdNJGK"
    "9JIe3WzBwlLu8s1n7iUkAnE2Tyny4BaExEA5o5vyXfJ3uDvhXAqZQ7tmybPP/jJrFDRovn"
    "3oeTP54ndsn3V5fvouaxxfbs/dVpNhfPrWfKJyUV1Fh6aspX8c1ObGzTaa1hT4lqn13XFN"
    "WOUDYnTAkzp4Mcyia8MyyjbOCqzTrCpnhgtcOkWw4TppfTsFhxVbspJqIg6TA6OqoSCX10"
    "VBwJze+lFFL2UUkgHDZXEN1WIm7ZE73cwum/fLq6LApzWYqkd0vb9MA/wLFpH8uhlIDLwS"
    "hXVdNaaWrz4x2c5pUn2+Zm9v3/Aan1Tp8="
)
