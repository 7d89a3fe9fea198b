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
    "eJztXftz2za2/lcw+qXJjOqNn/VN770ztuNN3U3sjOO0nY13aIqELKwpUEuQVnx3+79fAH"
    "wIfIqgSIlEMNNpaxEHlD6Ah+d854F/j3yITezvffLcBfT8l9Fb8O8RNueQ/k/u2hiMzMVi"
    "dYV94JsThw9ehKMQJHzchPieafn0ytR0CKQf2ZBYHlr4yMX0Uxw4DvvQtehAhB9XHwUY/S"
    "uAhu8+Qn8GPXrh6z/oxwjb8BudPPpz8WRMEXTs1BdGNrs3/9zwXxb8sy9frt79lY9kt5sY"
    "lusEc7wavXjxZy5OhgcBsveYDLv2CDH0TB/aws9g3zL6zfFH4TemH/heAJOvaq8+sOHUDB"
    "wGxui/pwG2GAaA34n96+h/o68mDDOM65s74/PlnWGMJLCzXMxwR9hnQP37z3DeFSD80xG7"
    "wcUvZ7evDk9ecwhc4j96/CKHa/QnFzR9MxTloK9Q5v/N4XwxM71inOPxGaTpF22CcfzBCu"
    "TVBovhiwHqANLR3PxmOBA/+jP658GbNxUY/3Z2y2GmozjOLn0iwoflOrp0EF5jeK/wNW2b"
    "LgaRgVgQ2R7Ko662bRrj41oYH1dgfFyAsWfN0DO0DdPP4/yOAuWjOSzBOi2awduOZPfi/6"
    "mBfqQl+rLFK9C+u/p4+fnu7OMnNv2ckH85HK+zu0t25YB/+pL59NVJZmGSScDvV3e/APYn"
    "+PvN9WVWFSXj7v4+Yt/JDHzXwO7SoLtdwCT+OP4otc6WBxnuDZY5LdnCKvdOk9EfaN9g5y"
    "XagQNZ9uhhya06MwqmT8ILi30wMa2npenZRurKanvQtfALFO15JPbXv91Cx+TA5vdAZB19"
    "oVMMcPX/jPd7/Gm8Cxhs7oFbBmT+0vxgnv3ExOYj/0ns3uxOIlYFFmaMYbl1mSxUu4bl19"
    "hs5cYtXSvojP6hrc0+WZvhokjYQomAgvbmfi1baL/CFtrXtpC2hbQtpLYtJK56/IIz5F5X"
    "GbE231v9faTXvKZyJmYe5TzEf3U9iB7x3+ALB/qKfhcTW0WESAHdNkxoc0Yl/dgzl4kJld"
    "1cFAMbOtDnKNzSDX97dXE3+rOOAe9aVrCgeEa0Y3Mz/iaaSCXYU3pgghxnQ4zO6RSDfYVv"
    "19NZbacCdye118p9nszeXuv5jH6fucBh5hhAGCxnyJoB5jfR/4X4LbACz4OY/YUcCB4gto"
    "nh4geACB1FoL8Hbt0lAaYHAYbPkBvLIrotT3+Pw2feHgPiAhNQVYtsNsHcfAEz17EBYcNM"
    "B1BVgVybsLu6GPJ77o3GdQIFX0fxrNF4P/TutDu3M3eOvv08n+2MYhu0GOyUUJX5OVjtVI"
    "Qysx4zrlr0VMlgJ4h0jlxux/YGOO37lAKpsO8Ta39J3ycjpn2fzMPEXqSSkAoiGs5qV1I0"
    "WTZ0JW+FqYYJ7VpXMvOsplzJi7PPF2fvLke5zdsCtIqFfbKwCs+rtHfepV+V7OgCt0rc7e"
    "VeVbxhdJqS4p5GQKAn+5ZaiWwX716+o1IxIroZnguyvs5d14EmLokOJUIZNCdUqivlGWO7"
    "XSjPb24+pIzi86u7TAjuy8fzy9tX+xxtOgiFCvXq+i4DtQ05bg3dlby0Dsr1OSiXrBfFwK"
    "CeGCny7suD3SXijULfPVvlLWQBalagHH21WIFG2WE6uFQ3uLQ0HeohbIjS73wSVSHaXvxt"
    "kPAszJd57JU1R+hTOIuqIHmQRdnoNEY7cN3G8ymPmw3nfOqNAWMjb5PpVAJMirYRA3rUUn"
    "gqh/UGwzuX/qsuuJ+T+YZlrlbiKsFwnQU28i+x7xWmDghXx1Usl8nGGY772C+W6xw9XmFf"
    "gudCeaUUrXtvCRf6Zel/fvyvg4PDw58O3hyenB4f/fTT8embUzqWf9/8pZ+qqIWr94wkSF"
    "nLMWtQzn7R5XZl6S9RZgP+q58PZgsEmJxrvpJQMBH95KiGN35yVOqMs0tpgN3JP6HlhyBJ"
    "oJwR01DXh7pIOawFulA7aJiLYJ7AqesVbOZfP99cF2O8ksgySsjywX+Ag0gdG304CphBkW"
    "KNYjxffTz7Iwv1xYeb86ymZhOcZ1X11A+zF+vCngho1JujrrnUckXz3XKpXaYCnFmWGxRn"
    "AsSXxlUukgPtR+gZZji2k+JSy7X5fg1zo60XXVvarxSBeH3q2kDxeAXNn9M64bXT8ujaaS"
    "649kR/lwy48XgFwT08qAHu4UEpuOxS5m0baxSZ3SvIqAhyHYzLIc5Z76YTZwDW57AEofVE"
    "VlsIv+kK3i0SWSvcZxGu9UGPJTTizRA3HYfafBg+mk1yvHLCW8z1Sj4ZbLKX9prKH4bv1m"
    "sSlKHLPso/kRIhy1/ccPMMbPXrJQ3QZaGTbJo0EM6iEkgNY7nLJANn01hu7VyefrJmG0dx"
    "+VNXwEzET+NaWiJ58vsTvNX8Q9v8gzmPaar61u5KZnv2riLR8lQVuh9IdVhdSWyxwerZxd"
    "3Vb5dd7elMa7GTGv7zftZoEhqLnWQ9aMSypFyfUQ7GE5SiKgpE24F9t5kh3fcO9uAUMpJH"
    "itZMCalXOtBJ0zztuJWjr5bjls4C4sEi6bwqUUrXv1fXv5ur4N2GNdpCGHCYwK4t007vrF"
    "5Vav/qBh42ndJM1tT1cQ2PCNKR+nQJ5X0ibTVu32qc0vtDb+GhIrVbjndGTMGYYvtJgToq"
    "3mFUXPxaEhhnxPQJKnVqp3vrae5ON2tHUzuaqXFbiBDqEFgbITBJ3yaGq8CtEZBc69GIa9"
    "epS/NVdKoFtSDXDFcX77UbjtBxoZ4shE6r3HpapVFSpFMjudIoK9fRG11io2ur8juxKnX4"
    "Yp3t2IjAFHuy+57s6TqijAa0Oh4E4wjBhtGgbMBhmNiuDQmJW6skIFSgEnS0bdjRtijfss"
    "AhXWVilvujQvu2tksgxW7mugyynyE37fV07fUsEDZmJpnJICzKqJeUdXB8XCeOeXxcHsdk"
    "1zJxTBM51DVhyJm+z3q0FfCipf5libQyZWUH+0c/HZ0enhwlnmXySZVDmXceHdd6okDRVy"
    "EqOJm32n3Myuru1H3uTj313P+DBbHUypLAlZAuBZQoBQxha9ADPCeo3ttCd//WHFgNnabP"
    "BNthf8R+UYsDPXOlggfT54KNJLiaqnPBmpE1NTizuD62e8asD9u7A75sIw6Mt8cvYMDitv"
    "nl/FfSm7/jLIy03UBhoSMyFJmQnMGu2XTK+HjWqARRn2C8W7YMB/NJUei63EBfSSiYjl4r"
    "G70iGT1rlfvId6RyShMBBWnITrL9K7Ok7+C3EnpMvSzpKq/m8o+7lEOTa5GaODUfbq7fx8"
    "OzfVMzW/tFrrd1PF7Jjd223tA5c7vqpRBMfNc3C5jgKuhFqUbg942v2gn2vvlNDvZIQJmY"
    "xpbxthEpcf2qQBelNPKNd7rBEDImC4mQXkZKGfBbC+WFb0BjYcom/GcElUFWJ5zv2jRsOf"
    "Wij62e8rzIp8vrd1fX742zi79d3/z+4fLd+4+X4e7Zgi1ep8j5oLzI+SBX5CyyVvm4WslL"
    "UpCpiqgNcH9XwMsiYrlIyhN2l7xErElsskBc51j0OceCWoeLgJooZYH/CkYmJ6lC5H/brM"
    "wKRUKRlWbFCqX1Osivg8WCZU6DxyAnqNFvgL5OhvkOk2GChd1w1dOSetX7suoFJkfBcdg6"
    "BaqDFCj6a2QhFUT0gbs6+2nL2U/ZzdsCtl+iaQa5Y9fCKjyu0gllQvkEwnDDfj0spekDnU"
    "ahLZzajdj1kdUGSNd8IlVhWpgvc4iLipykmj+Fs6jz2GaMHdYVlE29IUy3kI28TaZTaVN1"
    "WZrMHsMLFiziSZGF2Znx5fG6JE3DEkauy9Vk6bjAc5dgAT0AGasP6c+dQeCYxAdsOhBm5o"
    "GZSdfDBm7g74E784lCGF0hIPRzCJVDfP+IILd+g3vMZkOYvbz5RNy3ZqPpL8XE5JmTY0Dc"
    "RHpmPkOAXfBoLghwPWAHCwdZbMK9UbLxWut2/L20/9owvFqeO8o2hlGWQFoVbs0I6nBr/X"
    "BrzqnYTYeGxGQr0YGxObdGASbGYz31x4YDdwpMro5+IFS5PLvUIvoZPIQR/AfwP+BfAb0V"
    "8l/AN8AsXBBeGVPVFnC1NTOd6Y/wOazpzCnAdm9xj32Xq745wlSf8cEudTnGYDmDmF/hih"
    "XR+xASQLtMz33leEWOJuKYbNR2Qnc/bDcHolxJJutV//0jiqiUytlans/QOmNvLdukk8ri"
    "WNsZc6qCkJwuycuqtKG3nF7FCZsmmeEZQb0EjZdA5+XvCHhuLsqFIwQRHd2pjkfExuWGfH"
    "lcmzpMSNcS5sKGShHmF2efL87eXe6qW57ADJd4YyveeI0/JjDV6z2yMxAOBwRi6gNN3MCP"
    "3CYweeG+DbFm0A4cCF7dj9xn6NkBvKdz348mcEr31tvD8C/eAvntT/ej15xwyvllXd3oHo"
    "c7ECxM5DEfbDkzfTA3nyAB0LRm1FWD4NEF/H70An2kIu9t5i6pe+dRR9GP3Lh/uhPgBbiU"
    "qFo5cOFv0V0De1YHnTwiteugEwkFHYn2KxrZs9sgM0cQUzAtZ7hpOPnsK22haQtNW2jFJ+"
    "xEMemiE3ZW4epy20yMjPeuqUu8MxufxKONmbaNmR2dZtcz+j9l0BzVMWiOyg2ao5xBswg8"
    "uixSEAsi2masYTMuPPeZ6h2p9kSijIIg75/UAHk/awcKZzKe6FYjPaE0PUh/POGvzAZLUC"
    "StW480XQtdud515foUFrwqqzZ4JKCTgxo2MhpCp4AB2yaIZc66PlMAxhOUUhwFoq0UefbI"
    "3O6k1V/0yqNT4kfoLTxU9M6scnAKxVWor02Df1KnBcZJeQuMk1wLDHaYSOBBCqYt5fBk5d"
    "TD+vCgzmvyoPw9eVCG9RwSYj42glsQVQ/xTnKcPDjlqZsNTfGcsLZaGtrhHrQRA0hqAUQp"
    "jXxTb9SC9LuW5vNXvVezkupZM10xW0YjqrZYWj1Vv19L1e9XqPr9goNyZtB6cgPfCLyCiF"
    "qFu5+RUxLumnhXAp5H3EEsik8g1dNSFntOUD3MD2tBfliB+KE+C0oG/WE2QqnT/sZy5wsW"
    "8G607hlZ3WRPp9oMek0lOt3oBkK65c2Woe2g5c12E8T6qQga54e1fuC9uC6+5SJsRHXEBc"
    "RGNEN83FqdVjB8yqvVjGqs1p+SaXW3IfFQ0Y4jM2JclWQX0xjtNeWIZsy3zQCvTAIehF4h"
    "D6953UD9dhzSU+veGbp3xvdOd/akd8bvcDJz3afL55KU4NT1SpW1DEcarNVEzezg0R1VIa"
    "E64c0tJu431u4iZhRBONVbQHxqOdggrJ8CSwhMTJb0+sEbug/oN3IQu/oCzJzeavsG93jp"
    "ek9M8hv9Yc4LL8ECr+LSLXohPTdAdqnK+5pKD+TDmTmga7F6lb6s0z63kPaZbH4JkEUZBU"
    "HuJGmFAySBcTxeQXw7CefsqNahZy7VFoBemC+Oaxboi18/31yXKOWVSJZQRpYP/gMcRAbM"
    "4hSBy8BI0ci54wyyJxdk3o9sguxxBoPI5RzdXl5cXv12+a4rY6PzQgjfZ81QC3Aur4MQRJ"
    "TxxFpr0wU9zy0w4srPPkkEVFDJVQGnLs484ZTQc6PoX0ZUh337Eg2sE/alno8FCWm08FlZ"
    "Hfbtc9gXU8VpRK+cBotdIL6V9d4mbavScussnu9FnfeEmGZtwqas33q4GjliOnV9XEVMY2"
    "Fk910rNF27U7o2INCTPSlqJdJt3kxP3j0S2UhP9MvLePrxeAX5wvZ7dvjId+TY2FhAQXg7"
    "obsnrl1QC1vu8sfjt4fvaAfatZujfqlClmFj4/EbUbHDce86YWKZ3dmIYDG1i619Lu1z9c"
    "fnSp8n4aBn6L0YFOig0eoXz6DplZ496hKOdm53oE1PcBTd53fRfhmgHqjM3t0GNZFgt4ai"
    "EDGuR1UY6aWul/4rTgD4PxBYMxNj6LwFlmPS5zxJcyMQ2+wAPBPbYG56T/QK70nOT8HLp9"
    "K1O/099iCdmuUJe8CDC/6+4o3LMW9mzqQJMB/pmoad0E2HqfwXsITscCs2adRgggAyc5fl"
    "SXY4QxRF31fn2fWLuImXJQd1VRF0IqKgR3xawx8+LfWGT/OpSRZaoMKap8puCishBTE+OK"
    "7TnYiOKmcdjnP9iYaRIPPp8vrd1fX7rpSEzo8ZWH4ML+WQTpJJS+lMGXniLGmfIpf9nBFT"
    "AflttFsJTdQmjEpKUvNmfXOme3e6i15fzYtqXrRFXjRY2A1XPS2pV70vq17wsEffPn0UWs"
    "KIyTExBaK6L0p1X5QsV5aGWrp/RzZHa5gQr23kUbDR+nTgk7gKn1bFZmsI60+psrSalPUi"
    "EZLgrFn+1Q8k5pFZmTbwZ4hEddt74NplrSfCfhPRGhPwirHEdNMxhtnFr/fAFf6RfcnMwr"
    "Z+g3ucSicEpgeB6SzNFwKWHvIpQD+zeQibyaIOGoBzEzmcr/788TOdyXnpogWG5qPVTSTc"
    "aeuRdvII+UNQELB0XQeauKT+KpbJYDmhQl29TGJktwvk+c3Nh5Q5dn6VJY6+fDy/vH21z7"
    "Gmg1D4Yik4aGNeFBeugjmS0CDXB3keMG+C5boWgF2e8pYR234RsqCWJwFyfITJHrvfLjRz"
    "Jwlx2kUsXQrFXMSeFKm8pxuA2n4XLp6ixyKLOj2g0pB+DIcyd4OOrXvsPV61NyLQp4/0Iw"
    "FT1+OZGXGMYA9ceJA1cER0Em6xRv2OqKHuvSzoHs43fGtzYm3r9sIc63uPox6dsdB+vNpG"
    "ZOHQp5v/LQFzVk7BJIxuIn0rxWQk2igPfHlku3QCJVZg21Fuc4GMiUmg7DkXWTn14tydnC"
    "CFiEHNBvRc1OG3yhlMyWmXsL5LSIGLv7k04oLgFiFPPhks5rFZKuODizK69Ky5p61D8OXq"
    "fZietg7Bf4+r3nN+5Rayc80p7p/Ml3lJh+rcmPGaxvrhaGMRDq9LtID4FAxGiPhmWNuC2B"
    "4IQu/fdwGdEkw9d84igMgDS9NxoM/qZExArBm0Aydsm4+8PN/S7vz32F1ADNgRE4R1vH7g"
    "h02wffgAggWb6yE8H/RhDFxvDJaIPpGBTydiAwEbOE6GsOF01nscB0wfePcmL8AGe2IfAC"
    "I8drqAHnJt+rUQe8cyqQn90ET2z3ReVq0D7XgMlYjqf+6x6UcTrtpB0S9JXS8HIB+QwLIg"
    "tAmrE+I3cUxMJw0IJDXJpa9Cfn3qi4/owK+ZFxJrwM0+FU+IEUb8QzNVO2WqdM+MrntmND"
    "lzeBdHDXeJ8m5OG6bvJYitgoYlFRVwgoyCG/ywxvY+LD+LMneYuQfpj5SEOCWkIMb79cjX"
    "Cu4113UnNjVkYE4JqcfytX9ocx+rDAtSDs4u7q5+u+zKyOh6K1PIPD+0FXNAM4e3FGhBqs"
    "rZHaD2qICYOasZANP2tgSGOUEN4/Ca7fYF0Z4zLnmiLWptER7/l1/tUkM8J6frnHPJe/SN"
    "EXcOkUA2K7Y9YA8HAiwvBWcaW14/ZUS1buqzbuKLtVI0tpSZXyisnrl/eFDHcz0od10Psp"
    "aoCFxTwNXEupMEipjynRRwBeWsblpKFxvqoLHi4UMdNP4eV70saJxuNxbGzyRL6DJiWoVW"
    "12uLUco0xNK12rfCVMOEdm2ddmZzpWq0b+mGv726uKsq0hZwD/CG/VeTrIXbQKXS+E77rq"
    "Ywq8oEiTCtkwUSr2S9UvWIQ4tzMXgtTJjQ4E6ByXMTxixpA3r+qhGqiV/AnA5l/36GZA+c"
    "jTIYtzn3PeYZE4RMAwfQXwdmLsVWyM/4gYAnOh5h8MCyIR1WkwhfHuJDzF+/5f1WeRPWGU"
    "UQYirs3uMk98Jzl+OwVN6keJoEAg9OWToGy0KBdEfYIJyXZdew787GErpS0f0rjkOn0/Mn"
    "ho9LmN8IGN2wtV+pGJlVqkvsZ8S+a1o/3tk5+Nb1sNwuA9l9qkVrJOQwoqLbC+7X4aH2y3"
    "mo/RwPNZT0oI7DETo3aNdbu+3coIaEtuay5bnsGLM5tVKppd8EbkFUPcQ7YbQFW1/q9ZgW"
    "awXsHhV6n9ZB+rQc6NPSyIEmuVWhO2ude05dV0mqUxDRNGc1zRkTAxtTnPlKoWHCu5bqFD"
    "aXNM3ZJYV3jnzLRfjMCjOUCki8zIhxFY03CccaZjhYgshbmr41+5F1YwSRMCfFIrYqrHPi"
    "TRuRzyqVLIie4Y9UHdAtSwAfz7rfXLGLVCNklq79O9xjRIDjWuwQpeUMOUwSxIPpJdOhF9"
    "ku5ocr+UtOIfLqtug4pUdeJwYB37a6KU9fdN64gl+ju0XyTIiVhHINedp3QjCkj4n3JIOv"
    "IKKgQ91+zyOedsx/mwTDmRZShjBqN82SWGbjPEtBVida9ieDIu9TaE+y/KFSy5OU6LYgMP"
    "Gh+bfpQbCxvR3ONsC9sJNUhAxqFX7MCtcafoy4pPV6UnC/QXAFSEBdBN9lCQOhB/AWzP/y"
    "5i98bZjzwbwNwR8paPzZ0qSFEX5z5dWFr3gd0++VzyFrrO3AThtQMNpcPft1XQxBRDkfrp"
    "M+n5FCkuVeU1Ib6InhmL8SefoBKWqVWtnGMBbRDQwlGhgy45sY4etVQulmxbane/cHonin"
    "HoQGP2xe1nNKS2r/WPvH2j/evX+cMqpCF0LyhZ+W0vHW6nir4KZtGHLNR/OGie/agGt6g2"
    "1QWoLws4usllidq3AyhXDfBqsTo1bO6gi4rmd1xBWtQ+pE94i5lh8IoObInIBXkXM4jiPB"
    "bDlZ605su8vXPJbMKjd4fNmaUcwAmblLUkTxdHELHVDugVIfV5A7faAj8lpFMT5Ch5U7Dy"
    "uH5QQGMf2il+TaOoREUCXOcsv1CAwgY46wW+BgV61AWk4vgC4I6W1BCGv7ijxoh+fxefPw"
    "vGcJmq58ApX2fWucHfy2oGiRBmxOWlJBNmcg7E0t0o6nxRq8u7/sOmdEt7PQPTlre3DrHC"
    "UR2A3MtJyoMkmA2zYSGr65dvjCGkoWJjsdEvmNtndOVBl0t729YyAbOCJ5Wb0KzVaB5xRb"
    "M8jowqYpyWlxHXXt84tdR13LH0CFo64hEWx4cCobec1J6uhrv3LY+pUz2E1Ae7UJWwxqK5"
    "cyP84GtXPP7gaBbXonTEyrxBlpENy+W02o0BoUBLhzmiIP3w2Gdy79V80dvEEBfB+Uw/ry"
    "95RurLNp28gbEDdkee5AZtuuzx/IPjh1cggEGRbkZ8dxmhhEmQg/EJDE+U0CmAkOCISYnS"
    "SaRPaL0gZamrWwNAStUir8b+wUTp080KfkAb4mOZwrzt381mYl+q4N+1Sg6eSoRqTp5Kg0"
    "1MQupQ3AZ9Ohz4M8lZSWUymstGUSY8LSnYwZNQNnMt04s2KNVqBnXEUXHTmlWrwlAls8pf"
    "DD1s4oPK3Tb6y83VhWczB8IrJEolpHkNpiwc5unMYW63XcgBpkRWCXb2ZBRL0+hS3v5Sny"
    "WHsKajI2IBdzwgryiwPhEzWNrGnkklWPnDxJpjMtpenjaq5TcKTb4TnVKyIZZ+ii9AbrVc"
    "PET+YLtSFGBXRSdGVcRSEt+BiZvojIn9kUG9MBU8+dC70Kf2BdCp8hDlhrQ4fCM47KQaAH"
    "AfIB20w2yZFGbUx6j189EOg9syKavegn7XF58vC6Zu3J18x7I2aYNKW0M0rJg1PIEpKlDO"
    "qUkHItMo7qVKQclRekHOXqUYZyXoNylNIUFnnlFahHAjoPSVdEtKRNWq6I6OPZOjusHmy9"
    "rm3huc/ILupZUo6wKKPgDm4f5ImJn6QPeUkJKQjzQR2z46Dc7DjImR0cMf6HLMyxkIIwd1"
    "JwHDeewMF8Iqc78pIKYt7+1k5gk9zdWTklwa6HdhXcObxZHSUkzHOfFDfErzpNOieqe/2l"
    "0bWhRe2HBtjmBDWymU4QrlzcOx6vXpywk/PM2P4j9GsZsjjnBDXgtQDXJyTqExL7gngnG5"
    "y+zuYLqhOw9SJ7SmKBqHLcdJfGHZ0SP0Jv4aEirroqGlAorqBp3X7SaUwdGY3iMMXS6mma"
    "Tnx2AjGLQ/Kj3GUK83NyygQL2ks3ZWUf8klFgpguP+5z3hivF4eeV1TwX66t0lLqaalO7C"
    "GdoleOvropejGvI7/qaUmtRvusRi13vmApbo2e7oysXuk+r3SwsBtq8bSk1uI9XvakcLzm"
    "KYLdZ6x+hr5PsQ8RLMxcTUaM12ewGkQcvDaT9U5MMA1nAPEMb/k52J67HIO5aUNWncxrR1"
    "h9Mn6E+bLnTSdruS96+VlsNQ8DinRtf1mnVjzC8rTTnaTZ9OwF13mLbqaaokfXn1G1NnOd"
    "oiPFqpJQy6ZQqMh2yymS2hTQpsBWTYFbyOa4hSw6UtYVJTem0hzw+GjDS4bXtAjCuxBAZ3"
    "ZQfJjtBDnOHnhYNYt5eMtrU9jn8dEorAplyf7LiljAK/rpObvK/spZCl3c5B4HBEYTvx6D"
    "5cwlEEwpzMCD0wDb9D9+4GHC5pzrc1j6kwhScQ6LLsnQJQI9Mf1aLhHQIXQdQu/tXu8ghK"
    "4Pn249bTK0Zxp5KRlRzUv3xyspiEDo6KJizmid6CLzeiTVpSCiW3/klCWhdpP0GygjpmGt"
    "7qgSw5WHWLqlyq0w1TChXdtMJbO5SrqpZJVCC9ieR9MoiqugB3vVoSYkpz779KX1NCol+K"
    "Lr4xrkHuFDaxJ7v/NWMYxQm7vYnzkvIBQHkDVH5Y3Eoy4yYOp6Ybgu2qD5UN+mk2nqrQeK"
    "fFxBvZFkF9bNuE0EdKpt7sTG8KGglrg/89zgcVZsyBcDWyhcZcsr5a0xUzyD5qNH1SEs0A"
    "K/fr65LsZQEMkihywf/Ac4iHS2SwV1MAmQ4yNM9thtd6ERGEQpBygmbV59PPsjy+dcfLg5"
    "z6oONsF5723rPhy90IZlLWOn1LHCJQ+/2MQG78MSbGSBX5x9vjh7d9nm6RdRdPKCnRr5WG"
    "4BxgNqmIAkPDP5sZ4JeBOmYIEF9KJErbdgRv+OYSAAmh4G0dR5q6+BvM7p6ldOV2imGXQ/"
    "0V9flGhU1Q09L7zFpujJJ4Ptir7wYBzRiBy4yUJii5eJa3s7C7SPoFdQLVhuHyYC/bAO2f"
    "2UsQ51Ll35vh9m+KLnuXS/upPboDCDLrpSaVf9050YXlA3W45ZRMSaQTugL0RAZQGVTSgv"
    "4rg+QOxQL0QSg4lqcR6VA9TURM/QQ5AAd8q5NBI1vMoZXe3e4h5HLS+A6UHAe23RsaydNH"
    "lCiwX9f5e6BSzVjs75ju6Pn4EJom4Z4AnCBaHX6N1YlSjgROArOvU9voU2FbDpnv6RGtE+"
    "NRLpUxbEIthlp6JZkC1yaS/qrwx//h6lv0ufbNYvTjBamrr5MtFwnR9TIz+Gb3fJ12Mso+"
    "CLcbgvwnwgv4/NgAvM0Nsv19dX1++70khd19Gs3nQSHlVaSPtRWT+qQeMV3XOlEtDpFFqF"
    "sYtyQAURDWguslbc3+QOfiuBU6nWJlWvycs/7qpd+eQt+eHm+n08POvf5/rae81c+bSkgh"
    "bLQF35OpmIU4QRmTVa9oyozjPum6HaE8rmjBph1mxUQNlEV8ZVlI25GrOOsClfWB2o6leg"
    "itrlJCpyres3CSIKkg4Hx8d1SqKOj8tLoti1jEG6KIhAVXTmXxRFnFRAt5PulfSOfmEeRn"
    "kkShDZfixqNy/K1qJOO32Z/fn/sShyig=="
)
