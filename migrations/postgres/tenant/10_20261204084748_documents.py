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
    "eJztXW1z2za2/isYfakzo2ZjO05903vvjO24WXcTO+M4bWfjDg2RkIU1RWoJ0orvNv/9Au"
    "Ab+CqCIiUKxkwnaUQcUHoAHp7znBf8Z+QjBzr+y0+eu0Ce/zR6C/4zcuAc0f8pXBuDEVws"
    "0ivsAx9ObD54EY7CiPBxE+J70PTplSm0CaIfWYiYHl742HXop05g2+xD16QDsXOffhQ4+N"
    "8BMnz3Hvkz5NELX/+kH2PHQt/o5NE/Fw/GFCPbynxhbLF7888N/2nBP/vy5eLdL3wku93E"
    "MF07mDvp6MWTP3OdZHgQYOslk2HX7pGDPOgjS/gZ7FtGvzn+KPzG9APfC1DyVa30AwtNYW"
    "AzMEb/PQ0ck2EA+J3YH6//N/pqwjDDuLy6MT6f3xjGSAI703UY7tjxGVD/+R7OmwLCPx2x"
    "G5z9/eR67/DNCw6BS/x7j1/kcI2+c0How1CUg56izP8u4Hw2g145zvH4HNL0i7bBOP4gBT"
    "ndYDF8MUA9QDqaw2+GjZx7f0b/efDqVQ3Gv51cc5jpKI6zS5+I8GG5jC4dhNcY3im+0LLo"
    "YhAZiAWRzaE86mvbZjE+aoTxUQ3GR0WMTQ8xNAzoF2F+R6/4eI7Koc5K5tC2ItGX8f/s4g"
    "6nP9C6cuynSH/VgH9z8fH8883Jx0/sdnNC/m1z/E5uztmVA/7pU+7TvTe5dUomAb9f3Pwd"
    "sH+Cf15dnuc1UzLu5p8j9p1g4LuG4y4NuvlTVRt/GqP2nb0spg+CImMfTKD5sISeZWSupN"
    "uDroVf8gCeRmK//OMa2ZADW9wD0VvzC51iB1f/e7zf40/jXcBgcw/cKiCLl+YH8/wn0IH3"
    "/Cexe7M7iViVWB4xhtVWR7JQ3RocX2Nzhhs9dK2QPfpTWyFDskLCRZF4RyYCCtoh+43ekf"
    "s178h9/Y58vu9IcdVjxWfIqbGcWJf6bBhvxBbqq2B6FFEuQvyL6yF87/wDPXGgL+h3gY5Z"
    "5kCVuOe7CW3B2KAfe3CZvFrzm4tiYCEb+RyFa7rhry/Obkbfmxh2rmkGC4pnRFO0N++uoo"
    "lUgj2jBybYttfE6JRO0QCeaMUHj06fFnC6nUrM4Mxeq7aFc3u7a4uY6jZsofCezOzWBvGw"
    "DGJtrj1Hcy1+KiXNtZyYNtdyvg9TcJKQCiIaznrrV3yVrGn9XgtT7Sa0K63f3LOasX7PTj"
    "6fnbw7HxU2bwfQKsZg5mEVnldph6JPUzDZ0SWWoLjbqw3BeMPoSKziJl9AkCf7lkpFNov3"
    "IN9Rmu58jvZzq5CgZo6aMkdLaNN36Zoo/c4nURWizZFrOwnPAj7NY/ulPUKfwllUBclDZu"
    "CxaYxu4LqO51MeNwvN+dRrA8ZGXifTqQSYlIOTYktnQfChGtYrB9249I+m4H5O5lMohiDh"
    "C54EFvbPHd8rjQsIV8d1/iBk4wzbvR+WP3iK7y8cX8IjxEWlFK37YF0T+mXpXz/+18HB4e"
    "FPB68O3xwfvf7pp6PjV8d0LP++xUs/1ZjXpxfvLy5vstYy+6DeT6TL7co6iqLMGp7iMB/M"
    "NV1FaMbKq3GCrlmh7lTIPnrzukHy0ZvXlblH7FIWYHfyL2T6IUgSKOfENNTNoS5TDiuBLt"
    "UOGuYymCdo6nolm/nXz1eX5RinEnlGCZs++AvYmDSx0XdHATMoMqxRjOfex5M/8lCffbg6"
    "zWtqNsFpXlVPfeTJwJ4IaNTbo6651GpF82y51D6DZiem6QblMbP40rjORbKRdY88A4Zje8"
    "mfMl2L71fGsiBG/+r8qUEF0+L1aWoDxeMVNH+Om1QTHFcXExwXagke6O+SATceryC4hwcN"
    "wD08qASXXcq9bWONIrN7BRkVQW6CcTXEBesd2nGuTHMOSxBaTWR1hfCrvuDdIJGV4j6LcG"
    "0OeiyhEW+HOLRtavM56B76+LFsw7uujaBT4TsVhHPLMKHSfa1D8slmLY7Tq6sPGfv89CIH"
    "8uWXj6fn13v7XN3QQdivwF57TdUPw7P1mgRl6LKPik+kRMjy7264eXZs9ZslDdBloZOsmz"
    "QQzqISSC1jucskA2fdWG7jXJ5hsmZrR3H5U1fCTMRP40paInnyhxO81fxD1/wDnMc0VXNr"
    "N5XZnL2rSLRcTFqBfiDVbimV2GC3pZOzm4vfzvva07l+Em+atJPIG01CN4k3eQ8asywp12"
    "eUg/GApKiKEtFuYN9uZkj/jcQ8NEWM5JGiNTNCrXAe2Ftcd0rRjlsvpbdRsEg6r0qU0pWi"
    "9ZWiMA3erVnNKIQBdxPYlQWN2Z01qJrGX93Ac6BdmcmauT5u4BEhOlK3mlXeJ9JW4+atxi"
    "m9P/IWHi5Tu9V458QUjCl2nxSoo+I9RsXFryWBcU5Mt1Nu0k55sJ7m9nSzdjS1o5kZt4EI"
    "oQ6BdRECk/RtYrjKTs5IkVzp0Yhr16tL81V0qgW18Kcu3htm8Z6OC20nLqTTKjeUVmlUFO"
    "k0SK40qsp19EaX2OjaqnwmVqUOX6yyHVsRmCmojJeWbZ0vymhA6+NBKI4QrBkNygccdhPb"
    "lSEhcWtVBIRKVIKOtu12tC3KtyxxSNNMzGp/VGjf1mcLeV0GOcyQm/Z6+vZ6FtgxZpDMZB"
    "AWZdRLyjo4OmoSxzw6qo5jsmu5OCbENnVNGHLQ91mPthJetNK/rJBWpqzsYP/1T6+PD9+8"
    "TjzL5JM6h7LoPNqu+UCBoq9CXHIcW737mJftwIEc2D7fEX8xxqTWYZx67v+hklhqbUlgKq"
    "RLASVKAUPYDA9BIhe+Lgiq97bQBwJrDqyBTtOn52yxP+KwqMUdPZ2ghgfTJ+iMJLiauhN0"
    "2pE1DTizuD62f8ZsCNu7B75sLQ6Mt8cvYcDitvnV/FfSm7/nLIys3UBhoSNyFJmQnMGuWX"
    "RKZkdw4zEsQZRL2tBsWddsmRPMJ2Wh62oDPZVQMB29UTZ6TTJ63ir3sW9L5ZQmAgrSkL1k"
    "+9dmSd+gbxX0mHpZ0nVezfkfNxmHptAiNXFqPlxdvo+H5/um5rb2k1xv63i8khu7a72hc+"
    "a21UshmPiuD0uY4DroRalW4A+Nr9oK9j78Jgd7JKBMTGPDeFuYVLh+daCLUhr51jvdYAgZ"
    "k4VESC8npQz4nYXywjegsYCyCf85QWWQ1Qnn2zYNO069GGKrpyIv8un88t3F5Xvj5Owfl1"
    "e/fzh/9/7jebh7NmCLNylyPqgucj4oFDmLrFUxrlbxkhRk6iJqO7i/a+BlEbFCJOXBcZe8"
    "RKxNbLJEXOdYDDnHglqHi4CaKFWB/xpGpiCpQuR/06xMiiKhyEqzYqXSeh3k18FkwTK7xW"
    "NQENTot0BfJ8M8w2SYYGG1XPWspF71oax6iclRchy2ToHqIQWK/hpZSAURfeCuzn7acPZT"
    "fvN2gO2XaJqd3LErYRUeV+mEMqF8AjtozX49LKXpA51GoS2c2Y2O62OzC5Au+USqwrSAT3"
    "PklBU5STV/CmdR57HNGTusKyibek2YrhEbeZ1Mp9Km6rM0mT2GZyxYxJMiS7Mz48vjVUma"
    "himMXJWrydJxgecuwQJ5ADFWH9GfO0PAhsQHbDoQZuaBGaTrYQE38F+CG/hAIYyuEBD6OY"
    "TKYb5/RJA7v8Gtw2bDDnt584m4b81G01/qEMgzJ8eAuIn0DD4i4LjgHi4IcD1gBQsbm2zC"
    "l6Nk43XW7fi5tP9aM7xanTvKNoZRlUBaF27NCepwa/Nwa8Gp2E6HhsRkq9CBsTm3QgEmxm"
    "Mz9ceGA3cKIFdHPxCqXB5dahH9DO7CCP4d+B/w74DeCvtP4BtgFi4Ir4ypagu42ppBe/oj"
    "egxrOgsKsNtb3Dq+y1XfHDtUn/HBLnU5xmA5Qw6/whUrpvchJEBWlZ77yvGKHE3MMVmr7Y"
    "TufthtDkS1kkzWq/n7RxRRKZWzszyfXeuMvbFsk14qi2NtZ8ypCsJyuqQoq9KG3nB6FSds"
    "2mSG5wT1ErReAp2XvyXgubkoF44QRHR0pz4eERuXa/LlcW3qbkK6kjAXNlSGMD87+Xx28u"
    "58W93yBGa4whtLeeMV/pjAVK/2yE5AOBwQ5FAfaOIGfuQ2gckT922IOUNWYCOwdztyH5Fn"
    "BeiWzn07mqAp3VtvD8N/8RbIb3+6Hb3ghFPBL+vrRrdOuAPBAmKP+WDLGfTBHD4gAhA0Z9"
    "RVQ+DeBfx+9AJ9pCLvbeYuqXvnUUfRj9y4f7kT4AVOJVGVOnDhb9FdAwdWB508Io3roBMJ"
    "BR2J7isa2bPbIjNHEFMwLWd303CK2VfaQtMWmrbQyk/YiWLSZSfspOHqattMjIwPrqlLvD"
    "Nbn8SjjZmujZktnWY3MPo/Y9C8bmLQvK42aF4XDJpF4NFlkYJYENE2YwObceG5j1TvSLUn"
    "EmUUBHn/TQOQ9/N2oHAm4xvdamQglKaulu67WnqKStRz3b6OBHRCSsvmObtQnb7D78MBnC"
    "afT5odkInXS3s5D9HfSXyj5aHyFeIq1HT2fbY8O8Ai8BAF05IysvNy6mHd/VHzMWZzRAi8"
    "bwW3IKoe4n2dOc/TBVuldJQIa6ulpR3uIQszgKQWQJTSyLdD3kMmot+1Moe87r2al1TPmu"
    "mLTTFa0YPl0uqp+v1Gqn6/RtXvlxzOMkPmgxv4RuCVRHFq3P2cnJJwN8S7FvAi4jZmkWOC"
    "qJ6WstgLguphftgI8sMaxA/1+UPqN99o0nLFdOcLFmRtte45Wd3YTad37PSaSnRX0U1rdJ"
    "uVDUPbQ5uVzSYlDVMRtM5J6vyQdXFdfNPFjhHVrpYQG9EM8RFfTdqP8Ckv0hnVWK3vkqlc"
    "1yHxUNMCIjdiXJfYFdMY3TWCiGYstmoAe5CAO6E/xd0LnqvevAWE9NS6X4Pu1/Dc6c6B9G"
    "v4HU1mrvtw/liRhpq5XquyluFIg7U3aJiROrqhKiRUJ7yhwsT9xlosxIwiCKd6C4hPLQcL"
    "hDU7YIkAdMiSXj94RfcB/UY2ZlefACzora5vcOssXe+BSX6jP8x+4mU/YC8uF6IXsnMDbF"
    "WqvK+ZlDQ+nJkDuv5nUCmzOtVwA6mGyeaXAFmUURDkXpJWOEASGMfjFcS3l3DOlvLrB+ZS"
    "bQDoBXyyXViiL379fHVZoZRTkTyhjE0f/AVsTHaYxSkDl4GRoZELLfTz3fJz70c2Qb6F/k"
    "7kco6uz8/OL347f9eXsdF78r3vswacJThX594LIsp4Yp21hkKe55YYcdXnbSQCKqjkuoBT"
    "H+dscErosVX0Lyeqw75DiQY2CftSz8dEhLRa+LysDvsOOezrUMVpRK+cFotdIr6R9d4kba"
    "vScussnueizgdCTLPWVFPW4ztcjQIxnbk+riOmHWFk/50SNF27Vbo2IMiTPZ0oFek3b2Yg"
    "7x6JbKQH+uVlPP14vIJ8Yfd9Inzs23JsbCygILy90N0T1yqpha12+ePxm8N3tAXt2s/xsl"
    "Qhy7Cx8fi1qNjdce96YWKZ3dmKYIHaxdY+l/a5huNzZc8wsPEj8p4MCnTQavXLZ9D0ysAe"
    "dQlHu7A78LqnBoru87tov+ygHqjN3t0ENZFgt4KiEDFuRlUY2aVulv4rTgD4fwiYM+g4yH"
    "4LTBvS5zxJcyPIsdiha9CxwBx6D/QK74PNT14rptJ1O/2t4yE6NcsT9oCHFvx9xZtlO7yB"
    "NpMmAN7TNQ27b0ObqfwnsETsQCU2adRgggAyc5fVSXZOjiiKvq/OsxsWcRMvSwHquiLoRE"
    "RBj/i4gT98XOkNHxdTk0y8wKU1T7XdFFIhBTE+OGrSnYiOqmYdjgr9iXYjQebT+eW7i8v3"
    "fSkJnR+zY/kxvJRDOkkmK6UzZeSJs6R9ilz2c05MBeQ30W4lNFHbMCoZSc2bDc2ZHtyJIn"
    "p9NS+qedEOedHwBPk2q56V1Ks+lFUvedijb589fithxOSYmBJR3Relvi9KnivLQi3dvyOf"
    "o7WbEK9s5FGy0YZ0yJC4Cp/SYrMVhPWnTFlaQ8p6kQhJcNYs/+oHEvPIrEwb+DNMorrtl+"
    "DSZa0nwn4T0RoTsMdYYrrpGMPsOi9eggvnR/Ylcwvb+Q1unUw6IYAeAtBewicClh72KUA/"
    "s3kIm8mkDhpAc4htzld//viZzmQ/9dECQ/PR6iYSbrX1SDd5hPwhKAlYuq6NoFNRfxXL5L"
    "CcUKG+XiYxspsF8vTq6kPGHDu9yBNHXz6enl/v7XOs6SAcvlhKDtqYl8WF62COJDTIzUGe"
    "B8ybYLmuJWBXp7zlxDZfhCyo5UmAbR875CW73zY0cy8JcdpFrFwKxVzEgRSpvKcbgNp+Z6"
    "4zxfdlFnV2QK0hfR8OZe4GHdv0qHUnbW9EkE8f6XsCpq7HMzPiGMFLcOYh1sAR00m4xRr1"
    "O6KGuve0oHu42PCty4m1rTsIc2zoPY4GdMZC9/FqC5OFTZ9u/m8JmPNyCiZh9BPpSxWTkW"
    "ijIvDVke3KCZRYgU1HueECGxNIkOw5F3k59eLcvZwghYlBzQb8WNbht84ZzMhpl7C5S0iB"
    "i7+5NOKC4AYhTz7ZWcxjs1TGBxdldOlZe09bh+Cr1ftueto6BP8cV33g/Mo1YueaU9w/wa"
    "d5RYfqwpjxisb64WhjEQ5vSrSA+BQMRoj4MKxtwWwPBKH377uATgmmnjtnEUDsgSW0beSz"
    "OhkIiDlDVmCHbfOxV+Rbup3/1nEXyAHsiAnCOl7f8cMm2D68A8GCzXUXng96NwauNwZLTJ"
    "/IwKcTsYGADRwnQ9hwOuutEwdM73j3Ji9wDPbE3gFMeOx0gTzsWvRrYfaOZVIT+iHE1s90"
    "Xlatg6x4DJWI6n9uHehHE6btoOiXpK6XDbAPSGCaCFmE1Qnxm9jQoZMGBJGG5NJXIb8+88"
    "VHdODX3AuJNeBmn4onxAgj/tRM1VaZKt0zo++eGW3OHN7GUcN9oryd04bpewk5ZknDkpoK"
    "OEFGwQ1+2GB7H1afRVk4zNxD9EdKQpwRUhDj/Wbkaw33Wui6E5saMjBnhNRj+bo/tHmIVY"
    "YlKQcnZzcXv533ZWT0vZUpZJ4f2ooFoJnDWwm0IFXn7O6g9qiBmDmrOQCz9rYEhgVBDePu"
    "NdsdCqIDZ1yKRFvU2iI8/q+42pWGeEFO1zkXkvfoGyPuHCKBbF5sc8Ae7giwvBScaWx5/Z"
    "QT1bppyLqJL1aqaCwpM79UWD1z//Cgied6UO26HuQtURG4toCriXUvCRQx5Tsp4QqqWd2s"
    "lC421EFjxcOHOmj8HFe9KmicbTcWxs8kS+hyYlqF1tdri1HKLMTStdrXwlS7Ce3KOu3c5s"
    "rUaF/TDX99cXZTV6Qt4B44a/ZfTbIWrgOVSuN77buawawuEyTCtEkWSLySzUrVIw4tzsXg"
    "tTBhQoM7BZDnJoxZ0gby/LQRKnSewJwOZX8+IvISnIxyGHc5963DMyYImQY2oL8OzFyKrZ"
    "Cf8QMBD3Q8dsAdy4a0WU0ierqLDzF/8Zb3W+VNWGcUQeRQYffWSXIvPHc5DkvlIcUTEgQ8"
    "NGXpGCwLBdEdYYFwXpZdw747G0voSkX3rzkOnU7Pnxg+LmF+I2B0w9ZhpWLkVqkpsZ8Te9"
    "a0fryzC/Ct6mG5WQay/1SLzkjI3YiKbi6434SH2q/mofYLPNSupAf1HI7QuUHb3tpd5wa1"
    "JLQ1ly3PZceYzamVSi39NnALouoh3gujLdj6Uq/HrFgnYA+o0Pu4CdLH1UAfV0YONMmtCt"
    "3Z6Nxz6rpKUp2CiKY562nOmBhYm+IsVgrtJrwrqU5hc0nTnH1SeKfYN13snJhhhlIJiZcb"
    "Ma6j8SbhWAOGgyWIvCX0zdmPrBsjiIQ5KRaxVWGdE2/aiH1WqWQi/Ih+pOqAblkC+HjW/e"
    "aCXaQaIbd03d/h1sEE2K7JDlFazrDNJEE8mF6CNr3IdjE/XMlfcgqRV7dFxynd8zoxBPi2"
    "1U15hqLzxjX8Gt0tkmdCpBLKNeTp3glxEH1MvAcZfAURBR3q7nse8bRj/tskGM6skDKEUb"
    "dplsSErfMsBVmdaDmcDIqiT6E9yeqHSi1PUqLbgsDEh+bfugfBxvZ2ONsO7oWtpCLkUKvx"
    "Y1JcG/gx4pI260nB/QbBFSABdRF8lyUMhB7AWzD/26u/8bVhzgfzNgR/pKTxZ0eTlkb4Ye"
    "rVha94HdMflM8ha6xtwU7boWA0TJ/9pi6GIKKcD9dLn89IIclyrxmpNfTE7pi/Enn6ASlr"
    "lVrbxjAW0Q0MJRoYMuObGOHrVULp5sU2p3v3d0TxTj2EDH7YvKznlJXU/rH2j7V/vH3/OG"
    "NUhS6E5As/K6XjrfXxVsFNWzPkWozm7Sa+KwOu2Q22RmkJdh5dbHbE6lyEkymE+yZYnRi1"
    "alZHwHU1qyOuaBNSJ7pHzLX8QAA1R+YE7EXO4TiOBLPlZK07HctdvuCxZFa5wePL5oxiBs"
    "jMXZIyiqePW+iA8gCU+riG3BkCHVHUKorxETqs3HtYOSwnMAj0y16SK+sQEkGVOMsN1yMw"
    "gIw5dtwSB7tuBbJyegF0QchgC0JY21fsISs8j8+bh+c9S9B01ROotO874+zQtwVFi7Rgc7"
    "KSCrI5O8LeNCLteFqswbv7y65zTnQzCz2Qs7Z3bp2jJAKrhZlWEFUmCXDTRkLLN9cWX1i7"
    "koXJTofEfqvtXRBVBt1Nb+8YyBaOSFFWr0K7VeA5xeYMMbqwbUpyVlxHXYf8YtdR1+oHUO"
    "Goa0gEGx6aykZeC5I6+jqsHLZh5Qz2E9BON2GHQW3lUubH+aB24dldI7BN7+QQaFY4Iy2C"
    "2zfphAqtQUmAu6ApivBdOejGpX803MFrFMAPQTmsLn/P6MYmm7aLvAFxQ1bnDuS27er8gf"
    "yD0ySHQJBhQX52HCd0QJSJ8AMBSZwfEsBMcEAQcthJoklkvyxtoKNZS0tDcJpS4X9jp3Dq"
    "5IEhJQ/wNSngXHPu5rcuK9G3bdhnAk1vXjeINL15XRlqYpeyBuAjtOnzIE8lZeVUCittmM"
    "SYsHQnY0bNwJlMN868WKsVGBhX0UdHTqkWb4nABk8p/LCxMwqPm/Qbq243ltccDJ+ILJGo"
    "1hGkNliwsx2nscN6HTegBlkZ2NWbWRBRr09hx3t5ij3WnoKajC3IxYKwgvzijvCJmkbWNH"
    "LFqkdOniTTmZXS9HE91yk40t3wnOoVkYxzdFF2gw2qYeI1YnNcI4u1/a8glgpjxvVnn/Bv"
    "5SXDG5JK4V0IoDPbOO4Hwo5tfwnuUr7t7i0ne9jncXUJwD5Ysr+X2J+BPfrpKbvK/lXgmP"
    "q4ya0TEBRN/GIMljOXIDClMPODSxyL/uUHnsPPSJnrUpahqLhxDRu1K6cQKEeU6LzzvvPO"
    "MVPLrs8Ak+3VXiKqXBOZg0ZFWwc1RVsHxaItlqqP2Dm59Hsgb+HhMt1SjXuFuIJ7vXvqW/"
    "fv6T6fJLRnWjnXOVGdiqc5FM2hDItDYV6PpLoURDR7UlCW+qBifVDxsPioZgcV55VCJ4yf"
    "vcPhv5W4CnpwgCTfZ5++tB5GlQRfdH3cgNwjfGhDYu/3GfIQJ9TmruPP7CcQigPE8kt4Li"
    "ZgG8ciYOp6/BiReIMWk8TWnUxTbwNQ5OMa6o0ku7BhkkwqoEyJVXdF7+FDQS1xf+a5wf2s"
    "3JAvB7ZUeM3zlHfHWys5Tvneo+qwrJXqr5+vLssxFETyyGHTB38BG5PedqmgDiYBtn3skJ"
    "fsttvQCAyijAMUkzZ7H0/+yPM5Zx+uTvOqg01wOnjbegjZ611Y1jJ2ShMrXLJ+YB0bfAhL"
    "sJYFfnby+ezk3XmXBQRRdPKMFd7fV1uA8YAGJiAJ287cNzMB2YF1nrsEC+RFR9O9BTP67x"
    "gGAhD0HBBNXbT6Wsh3bOhVH1HQsEd2tAsGu3O7MT1W2XUG3U/018u2fy8K60bwEomlCw/F"
    "EY3IgZssJLZ4lbi2t4sd95FXUmNRbR8mAsOwDtn9lLEOg4XVMnyRldThi6GEL0qiVklJa2"
    "vztTsr61d3ch2UZtBFV2rtqn+5E8MLmmbLMYuImDNkBfSFCKgsoLIJ5UVs1weY1UVikhhM"
    "VIvzqBygpiZ+RB5GJD4umMBwGxeMrm5vcevMESEUPAA9FB1CbPGuz+QBLxb0/13qFrBUOz"
    "rnO7o/fgaQAoDtgA5/QGhB+FFgyPPol+BE4B6d+ta5RhYVsOie/pEa0T41EulTFsQijssK"
    "S03EFvlFdYEo/YH8PUp/ly4OHRYnGC1N03yZaLjOj2mQH8O3u+TrMZZR8MW4uy/CYiCf6e"
    "RAqh17KrHB2sjrL5eXF5fv+9JIfXcLT990Eh5VVkj7UYWTDelLfL4oK1evTr8WRDSgBUCn"
    "U2SWxi6qARVENKCFyBqzQYto3qBvFXAmAirU6da9Js//uKl35ZO35Iery/fx8Lx/Xyjy99"
    "q58llJBS2WHXXlm2QiTrGDyazVsudEdZ7x0AzVgVA2J9QIM2ejEsomujKuo2xgOmYVYVO9"
    "sDpQNaxAFbXLSVTk2tRvEkQUJB0Ojo6alEQdHVWXRLFrOYN0URKBqjkobFEWcVIB3V5OCa"
    "N39EvzMKojUYLI5mNR23lRdhZ12urL7Pv/A6Br3vY="
)
