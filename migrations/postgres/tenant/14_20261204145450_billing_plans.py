from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "billing_plans" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "bill_type" VARCHAR(20) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "interval" VARCHAR(10) NOT NULL,
    "billing_day" INT NOT NULL,
    "due_days" INT NOT NULL,
    "prorate" BOOL NOT NULL,
    "late_fee_percent_bp" INT,
    "late_fee_fixed" BIGINT,
    "late_fee_grace_days" INT,
    "late_fee_max_applications" INT NOT NULL,
    "first_period" DATE NOT NULL,
    "archived_at" TIMESTAMPTZ,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_billing_pla_created_52b5ac" ON "billing_plans" ("created_at", "id");
COMMENT ON TABLE "billing_plans" IS 'A recurring charge of units: what (the current price is the latest';
        CREATE TABLE IF NOT EXISTS "bill_runs" (
    "id" UUID NOT NULL PRIMARY KEY,
    "period" DATE NOT NULL,
    "count" INT NOT NULL,
    "total" BIGINT NOT NULL,
    "failures" INT NOT NULL,
    "vacant" INT NOT NULL,
    "vacancy_total" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "triggered_by" UUID,
    "started_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "plan_id" UUID NOT NULL REFERENCES "billing_plans" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_bill_runs_plan_id_071d51" UNIQUE ("plan_id", "period")
);
CREATE INDEX IF NOT EXISTS "idx_bill_runs_created_ff7be1" ON "bill_runs" ("created_at", "id");
COMMENT ON TABLE "bill_runs" IS 'A plan''s period, billed once: the unique (plan, period) is what makes a second run';
        CREATE TABLE IF NOT EXISTS "billing_plan_prices" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "effective_from" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "lines" JSONB,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "plan_id" UUID NOT NULL REFERENCES "billing_plans" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_billing_pla_plan_id_c3bb20" UNIQUE ("plan_id", "effective_from")
);
COMMENT ON TABLE "billing_plan_prices" IS 'The plan''s price from a period on: a change takes effect from the next period, and';
        CREATE TABLE IF NOT EXISTS "late_fees" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "application" INT NOT NULL,
    "amount" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "fee_bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_late_fees_bill_id_1e0fb4" UNIQUE ("bill_id", "application")
);
COMMENT ON TABLE "late_fees" IS 'The n-th late fee of a plan''s bill, issued as a bill of its own: the unique';
        CREATE TABLE IF NOT EXISTS "plan_subscriptions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(10) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "plan_id" UUID NOT NULL REFERENCES "billing_plans" ("id") ON DELETE RESTRICT,
    "unit_id" UUID NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_plan_id_a10265" ON "plan_subscriptions" ("plan_id", "status");
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_unit_id_2d0b58" ON "plan_subscriptions" ("unit_id", "status");
CREATE INDEX IF NOT EXISTS "idx_plan_subscr_created_a4e3a6" ON "plan_subscriptions" ("created_at", "id");
COMMENT ON TABLE "plan_subscriptions" IS 'A unit charged by a plan from `start_date`, until `end_date` (inclusive) once it is';
        CREATE TABLE IF NOT EXISTS "autopay_mandates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "source" VARCHAR(16) NOT NULL,
    "payment_method_id" UUID,
    "consent" TEXT NOT NULL,
    "consented_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "resident_id" UUID NOT NULL REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "subscription_id" UUID NOT NULL REFERENCES "plan_subscriptions" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_autopay_man_subscri_af8c77" ON "autopay_mandates" ("subscription_id", "status");
COMMENT ON TABLE "autopay_mandates" IS 'A resident''s standing consent to pay a subscription''s bills as they are issued,';
        CREATE TABLE IF NOT EXISTS "autopay_charges" (
    "id" UUID NOT NULL PRIMARY KEY,
    "status" VARCHAR(10) NOT NULL,
    "attempts" INT NOT NULL,
    "first_failed_at" TIMESTAMPTZ,
    "next_attempt_at" TIMESTAMPTZ,
    "last_failure_code" VARCHAR(32),
    "last_failure" VARCHAR(500),
    "payment_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "mandate_id" UUID NOT NULL REFERENCES "autopay_mandates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_autopay_cha_next_at_105dbf" ON "autopay_charges" ("next_attempt_at");
COMMENT ON TABLE "autopay_charges" IS 'One bill to collect under a mandate: tried when issued, retried 1, 3 and 7 days';
        CREATE TABLE IF NOT EXISTS "bill_run_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" DATE NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "days" INT NOT NULL,
    "amount" BIGINT NOT NULL,
    "note" VARCHAR(300),
    "bill_id" UUID REFERENCES "bills" ("id") ON DELETE RESTRICT,
    "resident_id" UUID REFERENCES "residents" ("id") ON DELETE RESTRICT,
    "run_id" UUID NOT NULL REFERENCES "bill_runs" ("id") ON DELETE CASCADE,
    "subscription_id" UUID NOT NULL REFERENCES "plan_subscriptions" ("id") ON DELETE RESTRICT,
    "unit_id" UUID NOT NULL REFERENCES "units" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bill_run_li_subscri_ab081a" ON "bill_run_lines" ("subscription_id", "period");
CREATE INDEX IF NOT EXISTS "idx_bill_run_li_period_cb18c0" ON "bill_run_lines" ("period", "kind");
COMMENT ON TABLE "bill_run_lines" IS 'What a run charged (or credited) one resident, or left vacant, for one';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "autopay_mandates";
        DROP TABLE IF EXISTS "billing_plan_prices";
        DROP TABLE IF EXISTS "autopay_charges";
        DROP TABLE IF EXISTS "bill_run_lines";
        DROP TABLE IF EXISTS "plan_subscriptions";
        DROP TABLE IF EXISTS "billing_plans";
        DROP TABLE IF EXISTS "late_fees";
        DROP TABLE IF EXISTS "bill_runs";"""


MODELS_STATE = (
    "eJztfWtz2zi27V9B+Us7Veqc9iPu3PS5t8pxPBl3J3bKcbq7TjxFQyRkcUyBGj7s+M70fz"
    "/Y4EPgUwRFSiSCqqnOWMQGpQUQ3Hvt17/3AkIxDV5+8twl8YLnvTfo33sULwj7P4VrE7SH"
    "l8vVFfggwFOHD15Go2zi83FTP/CwGbArM+z4hH1kEd/07GVgu5R9SkPHgQ9dkw206f3qo5"
    "Da/wqJEbj3JJgTj134+g/2sU0t8o1NHv+5fDBmNnGszBe2Lbg3/9wInpf8sy9fLt79jY+E"
    "200N03XCBV2NXj4Hc5emw8PQtl6CDFy7J5R4OCCW8DPgW8a/Ofko+sbsg8ALSfpVrdUHFp"
    "nh0AEw9v57FlITMED8TvCf4/8XfzVhmGFcXt0Yn89vDGNPAjvTpYC7TQMA6t9/RfOuAOGf"
    "7sENzv5+er1/dPKCQ+D6wb3HL3K49v7igjjAkSgHfYUy/7eA89kce+U4J+NzSLMv2gbj5I"
    "MVyKsNlsCXANQDpHsL/M1wCL0P5uzPw59+qsH499NrDjMbxXF22RMRPSyX8aXD6BrgvcIX"
    "WxZbDF8GYkFkeyjv9bVtsxi/aoTxqxqMX5Vg7Jlz+5FYBg6KOL9jQAX2glRgnRXN4W3Fsi"
    "+T/9MA/fiUGMoWr0H75uLj+eeb04+fYPqF7//L4Xid3pzDlUP+6XPu0/2T3MKkk6A/Lm7+"
    "juBP9D9Xl+f5oygdd/M/e/CdcBi4BnWfDLbbBUySj5OPMutsegRwb7HMWckOVnlwJxn7gd"
    "YVdZ7jHTiSZY8flsKqg1IwexBeWPDBFJsPT9izjMyV1fZgaxGUHLRvY7G//XZNHMyBLe6B"
    "WDv6wqYY4er/lez35NNkFwBs7qFbBWTx0uJwkf8EU3zPfxLcG+4kYlWiYSYYVmuX6UJ1q1"
    "h+TdRWrtyytSLO3j+0tjkkbTNaFAldKBVQUN88aKQLHdToQgdaF9K6kNaF1NaFxFVPXnCG"
    "3OsqJ9ble2u4j/Sa11RBxSyiXIT4b65H7Hv6G3nmQF+w74KpWUaIlNBt44S2oFSyjz38lK"
    "pQ+c3FMLCIQwKOwjXb8NcXZzd7fzVR4F3TDJcMz5h2bK/GX8UTqQR75hyY2o6zIUZv2RSj"
    "fYXXo+OF1HBsuukuAoSuQ/qBzaTqPlo6mBp+OE3vsCFkn9h8n4XpVMKtT1t6dWCVGNSZ06"
    "zaqs6dnmtt670/5i5yQOFHNkVPc9ucI7DM2f8l9A0yQ88jFP6yHYLuCLV8w6V3yPbZKJ8E"
    "L9G1++Qj7BFEySPh5piIbsfT39LorWJNkO8ijNjL3LZgggV+RnPXsZAPw7CD2MvIdi0f7u"
    "pSwu/5cm/SxBX1dS+ZNR4fRPyBJgx2Rhgw/coLYGeUWznlYGeE6gyc0b7/ylAG+yRHBsRP"
    "lQx2gkjvyBV27GCA09Z1JZAKW9fJ6S9pXefEtHWde5jgRSoJqSCi4awnK0SVZUOy4lqYap"
    "zQriUrcs9qhqw4O/18dvrufK+weTuAVjHHYh5W4XmV5n/6tKvSHV1iVom7vdqqSjaMDoRT"
    "3NIIfeLJvqVWItvFe5DvqIwXkm2Gx5K4wreu6xBMK/yPqVAOzSmT6uvwTLDdLpRvr64+ZJ"
    "Titxc3OSfvl49vz6/3DzjabJAdHagXlzc5qC3CcWtprhSltdt3yG7fdL0YBgazxPwy6746"
    "nKJCvFVwxcBWeQtxppoVqEZfLVagVfyhdl82dTs9YYdZCBui9AefRFWItufhHSU8S/y8SK"
    "yyDdyV0SyqguQR8LKxaYxu4LpO5lMeN4ssunCHXxMYeZ1OpypgC0xBd9kQrVP2FmYb9WM0"
    "mapY7SQ4ZWC6ejcxFqKXmKmfD9WAXlFy47L/NH1iP6fzKYSrBG16Glp2cE4DrzQeRbg6qa"
    "NOMYwzHPd+WNTpW/v+ggYS5KldfNPF6z5YFo99WfbPj//n8PDo6OfDn45OXr86/vnnV69/"
    "es3G8u9bvPRzHV918R6Yp4logiVUVDWlypbbleVURZkNSNVhPpgdsKpyfM9KQsH8mZPjBh"
    "TPyXElwwOXsgC7038SM4hAkkA5J6ahbg512eGwFujS00HDXAbzlMxcr2Qz//r56rIc45VE"
    "nqa0zQD9Bzm238TwG88BDFBkqMgEz/2Pp3/moT77cPU2f1LDBG/zR/UsiEJim8KeCmjU26"
    "NuL2VOk2i0er6P41cNTpHjV5WnCFzSjg/t+Fjj+OgzbufUNN2wPGwnuTSpMz0dYt0Tz8DR"
    "2F5qDZiuxfdrlMhgPutSA8OK50nWp+nbIBmvoFr5uokv/HW1K/x1wRP+wH6XDLjJeAXBPT"
    "psAO7RYSW4cCn3tk1OFJndK8ioCHITjKshLlhF2EnCdZtzg4LQeoKwK4R/6gveLRKEK9zn"
    "Ma7NQU8kNOLtEMeOw3Q+Su5xm4DMgvAWAzPTT0YbmamtpuqH4bu1moTD0IWPik+khBP472"
    "60eUa2+s0ifNiysEk2jfCJZlEJpJY+8qc0XG5TH3njwLuBsWRdecf5U1fCTCRP41paIn3y"
    "h+MU1/xD1/wDXiQ0VXNtdyWzPX1XkSiETMmIIJQquL2S2GK97dOzm4vfz/va07lKkycN7O"
    "eDvNIk1Jk8yVvQNoQ0ugFQDsYDkaIqSkS7gX23ETf9l5L3yIwAySNFa2aE1PN19VJDVRtu"
    "1eirZbhlo6u4s0g6Xk2U0sUq6otV4JXzLguwdEEFwQ04TmDX1lTI7qxBlVX41Q09ip3KCO"
    "HM9UkDi4iwkbrZkPI2kdYat681ztj9ibf07LJjtxrvnJiCPsXugy21V7xHr7j4tSQwzonp"
    "hlpNCh0M1tLc3dmsDU1taGbGbcFDqF1gXbjAJG2bBK4Ss0ZAcq1FI65drybNV9GoFo4Fuc"
    "rVOimyW3eE9gsNZCF0WOXWwyqNiuSnBsGVRlUalN7oEhtda5XfiVap3RfrdMdWBKbYQCHw"
    "ZJutiTIa0Hp/EEk8BBt6g/IOh3Fiu9YlJG6tCodQyZGgvW3j9rbF8ZYlBukqErPaHhVqLX"
    "adAim2HtBpkMN0uWmrp2+rZ2lTY479uQzCoox6QVmHr5pUIGCjqv2Yrwo1CGbYdphpAsjh"
    "IICCiiW8aKV9WSGtTFrZ4cHxz8evj06OU8sy/aTOoCwaj45rPjCg2KvQLmnUXm8+5mV1Kf"
    "khl5Kfee7/JyW+1NqUwJWQTgWUSAWMYGtRsL8gqN7bQpfq1xxYgzNNN/DbYd3JYVGLI22Q"
    "VMOD6SZ+exJcTV0Tv3ZkTQPOLMmP7Z8xG8L27oEv24gD470sShiwpMdFNf+VNtLoOQojqz"
    "cwWNiIHEUmBGfANYtNmVS6j1MQdbvx3bJlNFxMy1zX1Qr6SkLBcPRG0eg1weh5rTywA0cq"
    "pjQVUJCG7CXavzZK+oZ8q6DH1IuSrrNqzv+8yRg0hdKzqVHz4eryfTI8X482t7Wf5WqGJ+"
    "OV3Nhdnxs6Zm5XtRTCaeAGuIQJroNelGoF/tD4qp1gH+BvcrDHAsr4NLaMt2X7FaZfHeii"
    "lEa+9U43ACFjWlK/vW67i1LKgN+ZKy96AxpLLBvwnxNUBlkdcL5r1bDj0Ishlnoq8iKfzi"
    "/fXVy+N07Pfru8+uPD+bv3H8+j3bMFXbxJkvNhdZLzYSHJWWStin61ipekIFPnURvh/q6B"
    "FzxiBU/KA3WfeIpYG99kibiOsRhyjAXTDpchU1GqHP81jExBUgXP/7ZZmRWKPkNWmhUrld"
    "brIL8OJjjLnBaPQUFQo98CfR0M8x0Gw4RLq+WqZyX1qg9l1UtUjpLe9ToEqocQKPZrZCEV"
    "RHQjYx39tOXop/zm7QDbL/E0o9yxa2EVHlfpgDIhfcKmZMN6PRDS9IFNo9AWzuxG6ga22Q"
    "VIl3wiVWFa4ucFoWVJTlLFn6JZ1Hlsc8oOVAWFqTeE6ZrAyOt0OlU3FWiObGMZ5hx795s+"
    "g6fRZGd8LlUR80JqdHSoX4e04bk+xmfRAVfsjGwK1AdwIhBlt1OCkuHONE45nPqsoQDP3x"
    "l4tXn0dmkYeXJ5si6a3DCFkeuCyiFvAHnuE1oSDxFwPxL2c+cEOdgPEEyHohBiNMdsPSzk"
    "hsFLdIMfGITxFR9FhIzP5Gz+eIkgd36DWwqz2RSsDD4RJwFhNPul1Mc8xHuCfDeVnuNHgq"
    "iL7vHSR66HrHDp2CZM+HIv3XidlWX/XuoUbhgHUh3kDhvDqIp0r4sLyQnquJDmcSEF9mM3"
    "pWRS27LiDEz0kzUHYKoQNTv+YDhyZwjz4+gHnx0ujy4z3X5Bd1Go0R36v+hfIbuVHTyjbw"
    "hMcRRdmbCjLeTH1hw7sx/JY5R8XjgAu73FLQ1cfvQtbMrOMz7YpSb7eU9zQvkVfrDa7D6+"
    "HxKr6pz7yvGKGTGbY7JRfRxdprXLh7LukEzXq/n7RxRRKea8s4DEsZXw31pYXC8lEJLTzl"
    "iwI8iWO0uKsipt6C3HgXJmuU0KS05QL0HrJdAJRDsCnquLcn5TQUS7oesdp4lyuaFjL0mi"
    "Hyekaz17wobKePbOTj+fnb4731VZT8GFVWGNrRxca+wxwaW23iI7RdFw5BPKbKCpGwax2Y"
    "Smz9y28c05sUKHoP3bPfeReFZIbtnct3tTMmN7681R9Bev1f7m59u9F5xwKthlfd3olkY7"
    "EC2x7YEN9jTHAVrgB+Ijgs05M9UIuncRvx+7wB6p2Hqbu0/MvPOYoRjEZtw/3SnyQlpJVK"
    "0MuOi36PKmAyvYkD4iTa2JlYSChkT3qdfw7LYIIRTEFIwfHG+8YDFMVGtoWkPTGlp5K7A4"
    "eKZEPRPiaqp1MzGEZ3DVp5Kd2bplmFZmulZmdtR2c2D0f0ahOW6i0BxXKzTHBYVmGXpsWa"
    "QgFkS0zthAZ1x67iM7d6TqqIkyCoJ8cNIA5IO8Hig0jz3RNZEGQml6hP14n78yWyxBmbSu"
    "kdR2LXSJjb5LbMxIyauyboPHAjo4qGXFtTGUNBmxbmJDiL8bwAFgPBCpg6NEtJNs9AGp27"
    "3UJI1feWxKek+8pWeXvTPrDJxScRUKAWTBP2lSq+ekulbPSaFWD3Q9Cj3CwLSkDJ68nHpY"
    "Hx02eU0eVr8nD6uwXhDfx/et4BZE1UO8lxgnj8x46GZLVbwgrLWWlnq4RywbAJJaAFFKI9"
    "/WGjUJ+66V8fx179W8pHraTF/MltGKqi2XVu+oP2h01B/UHPUHJR295sR8cMPACL0Sj1qN"
    "uZ+TUxLuhnjXAl5E3LHBi+8Tdk5LaewFQfUwP2oE+VEN4ke6aZ0M+uOs2NSkTpfpLpbg8G"
    "617jlZXQ1Uh9qMek0lSnLpSme6NteWoe2hNtd2A8SGeRC0jg9r1+yxJkBMXJfAdG1qxHnE"
    "JcRGPEPSF7JJDRg+5cVqRjVW6692YXWwqb3QjKo3VYfYZYZNGoTbsSXLSaxNibiZk7h0xg"
    "8+mmL68CMvdcGMdGSRANuOj/y5+0RR4KLkEffRvhtV3pigBbYIcima2Z7Pv1MmD6LT2W+p"
    "T4IXbyAR3SMg4RNqIYzSKaPUCXTnh9OFHXzENMRODOWdLscxwHIcsCMM/kcB22oTOyOkYB"
    "RDLxRS0rNWFuy8nIJ49+L4TXGT5qaLkgpiftTE33tU7e89Kvh7qVvWl6W6un4yXgV+ro4o"
    "6KOoflIkfVoSQ1JTFDojpU36ckx1yXpVCNASXiw1GQZQD+s68oHWVAbMjag1QBKPanf1Ae"
    "MZUaGCH9rHProTyhbevXhZMDy6nVrbDcOyG3QZv++2jN8fZDp33Yfzx4rsxMz12iPrKRpp"
    "QNW7homKWT7DplP3G1TeS4IbUDTVG+QHrsdOlJiPeCIIU/+JXWeGwgSxb+TYcPUZ4XrCpI"
    "Mb3NIn13sAyW/shznPvBoE2k+qSLAL2bmRbVUeeV8zmUp8ODCTuizEoDIpdQbaFjLQ0s0v"
    "AbIooyDIvdAoHCAJjJPxCuLbCy24o7TrgVnwWwB6iZ8dF5ecF79+vrqsOJRXInmj3jYD9B"
    "/k2P6IHcpl4AIY9WxVnpjKvR9hgjxbNYq0sr3r87Pzi9/P3/WlbPSekx0E0ECmBOfqlGxB"
    "RBlLrLOKwcTz3BIlrprRTgVUOJK3TWlzSuixFf+aE9UE7FAI2CYRqMzyMYnvt1r4vKyOQB"
    "0O015cacoOTiN+5bRY7BLxraz3NmlblZZbJxR8L8f5QIhpqFg8g9ZP0WoUiOnM9UkdMU2F"
    "kf0X0NN07U7p2tAnnmx37ZVIvyH8A3n3SERRPLAvL2PpJ+MV5Au7Lx8Y2IEjx8YmAgrC2w"
    "vdPXWtkpCqapM/Gb89fPd2cLr2YvDDgSzDxibjN6Jix2Pe9cLEgt7ZimDB2sTWNpe2uYZj"
    "c2Vb2zn2I/GeDQZ02Gr1y2fQ9MrAHnUJQ7uwO+xNm6OL5vO7eL+M8ByoTSTcBjWRYreGoh"
    "AxbkZVGNmlbhb+K06A+P8IMueYUuK8QaaD2XOehrlBuh/04sbUQgvsPbArvD0Sb8hdDKXr"
    "dvpb6hE2NcQJe8gjS/6+4j2UKO+rBNI+wvdsTaOmTNiBI/8ZPRHoswuTxrXuopTH6iA7mi"
    "OK4u+r4+yGRdwky1KAuq4eUyqioEX8uoE9/LrSGn5dDE0y7aVdWn6htrDbSkhBjA9fNUmc"
    "Y6OqWYdXhdS5cQTIfDq/fHdx+b6vQ0LHx4wsPoanckgHyWSldKSMPHGWVnKUi37OiamA/D"
    "YqP0YqahtGJSOpebOhGdODazSp11fzopoX7ZAX1Rn9qq16ycMef/tsV+aUEZNjYkpEdYnG"
    "+hKNea4sC7V0KcF8jNY4IV5bU7Bkow2p96y4Cp9WyWZrCOtPmbS0hpT1MhWS4Kwh/uoHP+"
    "GRIU0bBXPbj/O2X6JLF0pPRPUm4jX20T6wxGzTAcPs0hcv0QX9Eb5kbmE7v8EtzYQTIuwR"
    "hJ0n/OyjJ88OGEC/wDw+zGQyAw2RBbYdzld//viZzeQ891ECQ/PR6gYS7rT0SDdxhPwhKH"
    "FYuq5DMK3Iv0pkclhOmVBfL5ME2e0C+fbq6kNGHXt7kSeOvnx8e369f8CxZoPs6MVS0vNv"
    "UeYXroM5ltAgNwd5EYI1AbGuJWBXh7zlxLafhCwcy9PQdgKb+i/hfrs4mXsJiNMmYuVSKG"
    "YiDiRJ5T3bAEz3O3PpzL4v06izA2oV6ftoKJgbbGxD/fmUrsob+SRgj/S9j2auxyMzEh/B"
    "S3TmESgFbbNJuMYa1ztiirr3vGR7uFjwrcuJta47CHVs6DWOBtTurXt/tWX7S4c93bIFo/"
    "NyCgZh9OPpWx1MRnoaFYGv9mxXTqDECmzby42XtjHFPpFtuZeXU8/P3UszW9s3mNpgP5Y1"
    "G6kzBjNy2iRsbhIy4JJvLo24ILhFyNNPRot5opbK2OCijE49a29paxd89fE+Tktbu+C/x1"
    "UfOL9yTczQA9zjtlN75WX1s2MmawrrR6ONuMdXU6Il7acFhEiAo9wWoT8YNNBiU6KZ5y7A"
    "A2h76Ak7DgkgTwYj35wTK3Sisvm2V+Rbup3/lrpLQhF0u/Oh4vUd73sH+/AOhUuY6w4voC"
    "b/3QS53gQ92eyJDAM2EQxEMHCSDoHhbNZbmjhM73j1Ji+kBjyxd8j2ue90STzbtdjXsuEd"
    "C1JT9iG2rV/YvJCtQ6xkDJOI839uKQ7iCVfloNiXZKaXg+wA+aFpEmL5kCfEb+JgyiYNfe"
    "I3JJe+CvH1mS++xwZ+zb2QoAA3fCo2qxRG/EMzVTtlqnTNjN47bfFnvsSKqWkDsZLZXl5F"
    "nyhvrQlERqVm7yVCzZKCJTUZcIKMghv8qMH2Pqpuapbf2jOPsB8pCXFGSEGMD5qRrzXca6"
    "HqTqJqyMCcEVKP5TtsdlLXHNRjyDIsCTk4Pbu5+P28LyWj763MIPOCSFcsAA0GbyXQglSd"
    "sTvC06MGYjBW820kM/q2BIYFQQ3j+IrtDgXRgTMuRaItLm0Rtf8rrnalIl6Q03nOheA99s"
    "ZIKodIIJsX2x6wRyMBlqeCw4ktfz7lRPXZNOSziS/W6qCxpNT8UmH11P2jwyaW62G16XqY"
    "10RF4NoCribWvQRQJJSvXEvurJRONtROY8Xdh9pp/D2uepXTOFtuLPKfSabQ5cT0EVqfry"
    "16KbMQS+dqXwtTjRPatXnauc2VydG+Zhv++uLspi5JW8A9pBvWX02jFq5DlVLje627msGs"
    "LhIkxrRJFEiyks1S1WMOLYnF4LkwUUCDO0OYxyZMIGiDeMGqECqmz2jBhsJ/H4n/Ep3u5T"
    "Ducu5byiMmfH8WOoj9OjR3GbZCfMYPPnpg422K7iAa0oGcRPJ8lzQxf/GG11vlRVjnDEFC"
    "mbB7S9PYC899mkSp8pjhiX2CPDKDcAyIQiFsR1gomheia+C7w1ifrVR8/5p26Gx6/sTwcS"
    "nzGwOjC7YOKxQjt0pNif2c2HdN6yc7uwDfuhqW22Ug+w+16IyEHIdXdHvO/SY81EE1D3VQ"
    "4KHGEh7UsztCxwbtemt3HRvUktDWXLY8l51gtmBaKtP028AtiKqHeC+MtqDrS70es2KdgD"
    "2gRO/XTZB+XQ3060rPgSa5VaE7G/U9Z6arJNUpiGias57mTIiBjSnOYqbQOOFdS3UKm0ua"
    "5uyTwntrB6Zr01MzilAqIfFyIyZ1NN40GmvgaLAEkfeEA3P+I1RjRLEwJ8VitirKc+JFG+"
    "0AMpVMYj+SH9lxwLasj/h4qH5zARfZiZBbuu7vcEttHzmuCU2Unua2A5IoGcwuYYddhF3M"
    "mysFT5xC5NltcTule54nRhDftrooz1DOvEkNv8Z2i2RPiJWEcgV5ujdCKGGPifcgg68goq"
    "BB3X3NIx52zH+bBMOZFVKGMOo2zNI3ces4S0FWB1oOJ4KiaFNoS7L6oVLLkpSotiAw8ZH6"
    "t2kj2ETfjmYb4V7YSShCDrUaO2aFawM7RlzSZjUpuN0gmAJ+yEyEwIWAgcgCeIMW//XTf/"
    "G1AeMDrA3BHikp/NnRpKUefryy6qJXvPbpD8rmkFXWdqCnjcgZjVfPflMTQxBRzobrpc5n"
    "fCDJcq8ZqQ3OifGovxJx+qFfViq1toxhIqILGEoUMATl2zei16vEoZsX297ZezCSg3fmEW"
    "LwZvOyllNWUtvH2j7W9vHu7eOMUhWZEJIv/KyU9rfW+1sFM21Dl2vRmzdOfNc6XLMbbIPU"
    "Eps+urbZEatzEU2mEO7bYHUS1KpZHQHX9ayOuKJNSJ34HgnX8oOPmDqy8NF+bBxOEk8wLC"
    "eU7qSW+/SC+5Ihc4P7l805wwz5c/fJL6N4+riFdigP4FCf1JA7Q6AjiqeKYnyEdiv37laO"
    "0gkMHwdlL8m1eQipoEqc5ZbzEQAgY2FTt8TArluBrJxeAJ0QMtiEECj7anvEivrxeYuo37"
    "METVc9gUr7vjPOjnxbMrT8FmxOVlJBNmck7E0j0o6HxRq8ur/sOudEt7PQA+m1Pbp1joMI"
    "rBZqWkFUmSDAbSsJLd9cO3xhjSUKE7pD2kGr7V0QVQbdbW/vBMgWhkhRVq9Cu1XgMcXmnA"
    "Bd2DYkOSuuva5DfrFrr2v1A6iw1zUigg2PzGQ9rwVJ7X0dVgzbsGIG+3ForzZhh05t5ULm"
    "J3mnduHZ3cCxze5EfWxWGCMtnNs3qwkVWoMSB3fhpCjCd0XJjcv+03AHb5AAP4TDYX36e+"
    "ZsbLJpu4gbEDdkdexAbtuujx/IPzhNYggEGXDyQztOTFEcifCDj1I/P/YRqODIJ4RCJ9HU"
    "s18WNtDRrKWpIfYqpCL4Bl04dfDAkIIH+JoUcK7pu/mty0z0XSv2GUfTyXEDT9PJcaWrCS"
    "5lFcBH7LDnQZ5Kysqp5FbaMokxhXAnY87UwLlMNc68WKsVGBhX0UdFTqkSb6nAFrsUftha"
    "j8LXTeqNVZcby58cgE9Mlkhk6whSW0zY2Y3R2GG+jhsyhawM7OrNLIioV6ew4708sz0oT8"
    "FUxhbkYkFYQX5xJHyippE1jVyx6rGRJ8l0ZqU0fVzPdQqGdDc8p3pJJJMcXZTdYIMqmPgJ"
    "PzMdYq+EToqvTOoopCUfI1MX0Q7mFsMGO2jmuQuhVuEPUKXwkdAQShs6DJ5JnA5CPILsAM"
    "FmsvwCadTFpLd0/84n3iMk0byMf9JLLu/fvWiYe/I1995IGCZNKe2MUvLIjEBAspRCnRFS"
    "rkTGcZOMlOPqhJTjQj7KWPo1KEcpzUiZVV6Deiyg45B0RkRHp0nHGRFD7K2zw+zBzvPalp"
    "77aFtlNUuqERZlFNzB3YM8xfRBuslLRkhBmA+bqB2H1WrHYUHt4IjxP2RhToQUhLmXhOOk"
    "8AQNF1O5s6MoqSDm3W/tFDbJ3Z2XUxLsZmjXwV3AG/IoiQ+W+7S8IH5dN+mCqK71l0XXIi"
    "bTH1pgWxDUyOYqQbhyfu9kvHp+wl76mcH+89nXMmRxLghqwBsBrjsk6g6JQ0G8lw3OXmeL"
    "JTsTqPks2yWxRFQ5brpP5Y5NSe+Jt/TsMq66zhtQKq6gat190GlCHRmt/DDl0uqdNL3Y7D"
    "6h4IfkrdxlEvMLcso4C7oLN4W0D/mgIkFMpx8POW6M54sTzytL+K8+rbJS6p1SvehDOkSv"
    "Gn11Q/QSXkd+1bOS+hgd8jFquoslhLi1erpzsnqlh7zS4dJqeYpnJfUpPuBlTxPHG3YR7D"
    "9i9TMJAoZ9hGBp5Go6YrI+gtXwxcFrI1lvxADTaAaUzPCG98H23KcJWmCLQHYyzx2B/GR6"
    "T4ppz5tO1nFd9OpebA2bAcVn7XBZp04swuqw052E2QzsBdd7iW44muJHN5izY23uOmUtxe"
    "qCUKumUCjJdsshkloV0KrAVlWBawJzXBPwjlRVRSmMqVUHPD7a8NLhDTWC6C4+YjM7dtLM"
    "dmo7zkt0tyoWc/eG56bA50lrFMhCeYJ/IYkF7bNP38JV+KugKfRxk1sa+iSe+MUEPc1dn6"
    "AZgxl5ZBZSi/0ThB71Yc6F7sMynECQmj4sOiVDpwgMRPXrOEVAu9C1C32we70HF7puPt15"
    "2GSkz7SyUnKimpcejlVS4oHQ3kXFjNEm3kWweiSPS0FEl/4oHJY+05uk30A5MQ1rfUWVBK"
    "4ixNIlVa6FqcYJ7dpiKrnNVVFNJX8odIDt23gaRXEVzsFBVaiJyKnPAXtpPexVEnzx9UkD"
    "cs/nQxsSe3/wUjFAqC1cGsydZxSJIwLFUXkh8biKDJq5XuSuizdo0dW36WSaehvAQT6pod"
    "78dBc2jbhNBXSobaFjY/RQME08mHtueD8vV+TLgS0VrtPllbLWQBXPoXnvseOQlJwCv36+"
    "uizHUBDJI2ebAfoPcmy/t10qHAfT0HYCm/ov4ba7OBEAoowBlJA2+x9P/8zzOWcfrt7mjw"
    "6Y4O3gdeshtF7oQrOW0VOaaOGSzS820cGHsAQbaeBnp5/PTt+dd9n9IvZOnkHXyPtqDTAZ"
    "0EAF9KOeyffNVMCrKAQLLYkXB2q9QXP2dwKDjwj2KIqnLmp9LeR1TNewYroiNc1g+4n9+r"
    "JAo7pq6EXhLRZFTz8ZbVX0pUcSj0ZswE2XElu8Slzr23mgA5t4JdmC1fphKjAM7RDup4x2"
    "qGPpqvf9ON0XA4+lO2Vfix2U4Mjn50pBy8oOqNWycDTUMPlYifLQPGgtcBHbzQ5hh0jIdp"
    "iHMGLf2uJ6E9sZhNdvpsj2/ZBYEwhQ4x8eTNARr+78M7Lwc3ml6A7nv6V4FjBhYPOimPy4"
    "MsYv8FHUkiyeFi1x6JNeNDtN4XVP4Q2vCmnJ++/T+eW7i8v3fWGbL1LQqEZBTYmCQgC/fH"
    "ECXZegTnmL+tPAEdRKaSgR1+Etw1EUioEOlHwLklIdLda7RHwr6z0QRnF0y80LTLStkFYq"
    "rF6aWfdl0kTg2gKuJta9FATR4a7dR3DpMMjqHT1OHqFJGKRmj1Rb9Sr2SAe/9nZ0xuyNJK"
    "JZKQ1qfehrjFYRYOnozJie/LiacJz4rvW+ZzfY8MNfRxHSMNTg19yurqblhX2/npePt1BD"
    "Yv40jVT4wY/CUxniCCCFlPLAhSxzhJEfTlMxNhAQ9RHmiePsMvRbjAj1AjHf8fy3lGe5A/"
    "/+5EK6fDSAnUk8Zf4X6AjpPsAtHghZ8ss8PGP/+vz3q9/O372IekT6LrJcwu5AbyngtsCB"
    "bUZMPoqY/4gti/0DPtr/dPrlMxNv3DBS/EEgE/PIum3kjh0AbujJ1SpeSSiY1dpDH7LYYF"
    "+wR8O1Wlr7GWFt9OeM/ujsLOJ6Q75VeFcEESU2cZ1Zd/7nTcaiK8RrpFbdh6vL98nwfBBH"
    "KeQtC15mZRW0usdrZRfJlZF4iE/Pbi5+P+/r3du3g5jQdkWCRTntwRzyY6SZ6eqHa5wcZR"
    "NmenhZL8N9pCU0PtGWlIS2RFTDW89a5i33DZm1Tw6mn3NTjhPmtTxbyWZrwGDqAgkyGDcr"
    "kFDNZwqv6FX8bi7fJRb822/XxMHJnq0l5ldxw4rA/lefvC+Q7ddhaUHT5NKkjunlfLYXNi"
    "1feoqW7AyC+uPEs11rwtlVYiGXPUtROdFoNdA+jJvEw14g20dPcxygBX4AqhT5hMFkIS/6"
    "ejmWt+tb3FJ3huxggnxzTqyQT+ah6TOaY8rmn7H9wuZl8lBHwWarx5QqxETgxkD/4nu2ml"
    "Vs7dc9+Bp8V/MvEtGyGf42q4balmZud8zcxitVak1UsImpxIalAQZ6aJUBXFIbwCwvGFsZ"
    "im1uv1jsWOKwAzfAJd7Wutq7qYgyaG657m4caSmTTCCKKAN7Z5v4EZtY6kBYCWgwS8E0n4"
    "0WJ0NBVBl0dWXuXft1O67MzW59f088pg5PS1Cu1nXzctqVmyP2Auy1Y8mzkgqy5CNhxRs5"
    "Q5ixavvzlql7GVHt9BryOmunV/XrSV2nF1BJsnFOKxHtjan3xiREXQfxzey7f4pnGyeya5"
    "0Dwr7awDHAgNrULRDT2B/YTArBvQ2nAIes2jGQILreOWCky9ikDjIOEAbaHUVeIQvtux5i"
    "byXLZqv2IlOseAJEvENmAYqIgUlSzrjgFehm2lsq+hV5+HbE7L5BduAj94mmXgc3qtgC00"
    "4JEydoH/OV+zFccl8EXL6lrmmGS7C9wWEQwJeMJgB3xAM75mn7MO/EnzBBXwX++YHJSDoQ"
    "6pgDxQr7bYUu0I6Fzh0LfFcXYKvmXJLxCvIt3YdIJlWuGnK0yXCVGvx1RtLqnok7YmapW5"
    "b9WX1CJOPVK6lx1KikxlFNSY2jYkmNnaWEDwzqbsjYnQevqolqKEuOrCQ0N6IDgbcJL/s1"
    "sk+/IKLhXNMILeyKyIsDJMcJ6voI37CUw0t7L1QdCB2Aq2PV18Sqw+PeAc5f4mkUxVY4FA"
    "cb/z9MZWv0/RFHCutQK8SIbqsKp4Dg1ap3CrCBBjiIJArDQJQUL9fC2Xtgy+HR9t9EQfv7"
    "wLVHgVQBWnq2CVVaOAHvQP2ZoOAP2HzKW3on/OZPMOAO2RRcBSZ5MeGdd9wZAwDtm5gZ3x"
    "b2Ym7fZ1ddyu5im3Mo8R5R/+SWRpd/8OM677x3Y1x/5t5FbhhMoorxvNAMw8pBFuwfzPMP"
    "ou+FZoQ09hjoxIKdaPnV/D//t4BzDUkVj1eQxj5sxFId1rBUhxUsFUdJAuSMkJJINwK6Bu"
    "c8zDoKtu8oWHYT4j2WhXlXIyzKKIhw936vRFNhr2gJ91dOSiWXTWdeMKa2GLJeRUFEY1ra"
    "vs71Siuc1vYMFKR0s0CJZoGgaxtM1zaYzm6CESzVK7BCutW+HpiZ2/W2TqGa2fBriru7xn"
    "FelFUI4S37z1Ms79kg6dO7Qlqh5eh+w4N2g5dLxzZ5hGsruMvmUCa3r+OeVvLBd3m57zoE"
    "D3vm3H5slXKSE9WZRWPILJJLv8xKaf+07p7T+LBXN11Ld89RbdVLTlDZ3suZKJVucp9GuP"
    "6VeU9ZysM2u0gPE314qmIlBplsCJnCoTm9p9Vltlq9Gz3djs186cbqaVjvUb+Zk7RMHndt"
    "zzx3gXCSfObSN+wPc47pPUEBL4hHZjNoZM7HgbMZGrumyW44yqbJeNi7v8UtJdhzbOJBGx"
    "XeweU57ssS32Fu+4HrPa8vtRfdiZkcBtysUHJPZ8cNMjsut2qlKlP5OhQlv29TXSch7YhE"
    "LU9n//Xz1WUFkZcI5PerzQ7K/yDH9kfImNbACEhk1PhCy5R8d5Scfg4TFFqm7JaxGA/6mr"
    "D4jk1XXV9m11kpur5MB/Vl0tyU3URJfwAdlJSadsmlSZ1Fl3juJOw4+mMwT2N/IZYYJ3YX"
    "mIeTuF0lWEqYf4J4NXNerUSsh15qwHU09y3dj8YLvsgXcaV1gs05L5MyZxcJ5bVRePQ0eW"
    "SWXhRBDTP9051C+Ra/2rpL0guEm2jTbkiKcLVpJy5ZYRmqbZKslEqGiS44Mc4trjXk71tD"
    "3lkdjKGtcTdmJsQwtYA0J6ZhrTc8tpuXOVBIO0jMLNu5Gtd1uOYe1kElvRZcnSV2XZk7tN"
    "rA43ZrwRnbJAcWklPT4pXT59gUi9xld7wIuwE6wd2EjQxsB90RakWfoH2bmk7o24/kRVR7"
    "ks1k+wWLr4d73NIwqZk5JdYbdH757uLyfSzNTDc6gY/O3yHMDD2vceZqQpXEDY//ATUuk4"
    "II4mc6w3UnL/BqQ0/3tN5C4trqQZVxkmalvmsHaXKqSfmYBZkNwRuPx6isx5uOD9buNk0m"
    "6PhgverFVa+KD9ZO1t6OTl1JUfusB8J0rO+Jogv8dV/gr0mqxQJTeBl204H+YzSZQqBn9m"
    "WmocvGuSm6L09zNvJXdwrZPCUcZHxlUsc8/tOdGklK0Xq+8YoSod99HHyR9MFBvuMGUOyO"
    "t70nQNGQN8gjS25rIPYU2o/Es4kfl7ZDflyoLEM3dn+LW7ogvs/AQ9gjiHcPh+gUaiH/wV"
    "4uiSUwk+gdU99+QRjFLZrRAyFLn0evEM9jX2JOoGkPL8x3TSwmYDGV80d2vgTEQ2wThokI"
    "dRGASWCRK9v1fAX8OT3JftdmYSmaleyalYyXpiklGQ9XsIjWyXEDLvLkuJKLhEs5LhK2ew"
    "HbNR1lYxkF7dbx2qlFemIkXP71l8vLi8v3WyLzT5qQ+flVE8j8k0L3pfRNV0S6ulpaRkhX"
    "fClExbGX+GIZyEAqimhAC4DyDLuyAl3VgAoiGtA8oFwHLaJ5Q75VwJkKqNCxqu41ef7nTe"
    "YNWUgRS9+SH64u3yfD83ljJR7TVkx7VlJBjWWkTHsT/0quo73MsudEdcmqoSmqEhVX+qRs"
    "TpkSZs73Siib+MqkjrLBqzHrCJvqhV0fTyXFPnwvGTEbvsmryQaml/uleS7VdpMgoiDpcP"
    "jqVQOjiY2qLkEP13IK6bKkIG81wvFwBdE9aNRI4aCmkcJBsZECu2NQ2iepupSBILJRMYOh"
    "ob2NagY7fZn99b8ipPvE"
)
