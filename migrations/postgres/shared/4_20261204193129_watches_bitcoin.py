from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" ADD "watches_bitcoin" BOOL NOT NULL DEFAULT False;
        -- Estates already here may have a Bitcoin gateway: all keep being watched.
        UPDATE "estates" SET "watches_bitcoin" = TRUE;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" DROP COLUMN "watches_bitcoin";"""


MODELS_STATE = (
    "eJztXG1z27gR/isYfqk9o3hsybLTtNMZyXEuujtbGVu5di7O0BAJiWgoQEeAkdU0/70L8P"
    "1FGlGRfDLLL7a42MXLsyB2FwvwmyEc7BH75FpILInxBn0zGJ6pH7mSFjLwfJ7QFUHisatZ"
    "ieYRmmkspIctCeQJdgUBkk2E5dG5pJwBlfmuq4jcAkbKpgnJZ/QPn5iST4l0iAcFnz4DmT"
    "KbPEHl4eP8izmhxLUzfaW6P5puyuVc0z5+HLx9pzlVc2PT4q4/Ywn3fCkdzmJ236f2iZJR"
    "ZVPCiAdDslPDUL0MBxyRgh4DQXo+ibtqJwSbTLDvKjCMv098ZikMkG5J/Tn/R9i1FJtp3g"
    "5H5v31yDSNCthZnCncKZMKqG/fg3oTQDTVUA1cve/dHXUujjUEXMippws1XMZ3LYglDkQ1"
    "6KkZ4frTIs5XMB/KcY74c0hDR/eDcQTPHgA1ZvjJdAmbSgcez0/XAPxb705jfH6qMebwNg"
    "RvyW1Y0tZFCuoEWv2/ArQR/26gjQgJtsm7++zgtk83QRe4VsKry7L4Wr7nEWYtq2Cclqkh"
    "zp0NUO6sxLiTR1jSGfkPZ5VmcVqmhghfnG8A8cX5SoxVURZkZWd9UWkNjiWeD2Djw93wt8"
    "H9YHg7uP1pXyYuC/XZxQZQn12shFoVlUFtegQL6FhlxFOCWwEfGrfDnNjdjZbo7polultc"
    "okPcLAezKbFNLIugvwW81JqxFvhsBTnw7bCGk+jHy1PFGuRHg5vr+1Hv5oOqfibEH65GrT"
    "e6ViVtTV3mqEf5lyKuBP1zMHqP1CP6fXh7nXcYY77R74bqE/YlNxlfmNhOYxKRI1JG53MX"
    "ywn3ZuaEEHM8L1nZBkyWa7tMNKdsQGxfS9zpvt6zqerBq/bZ+eX5687F+Wtg0b2MKZdr9D"
    "+4HeVeqgxKE/pESgKlPp1uhnIsXxuc/9pudzqX7dPOxevu+eVl9/VpDHixaB3y/cFPCvzM"
    "i1TUxgJLyyHCHFNpcVpiVfqcuwSzcl2USOcUMQbxfWkipjzvktYfDn/NrGb9QQ7m2483/W"
    "sw7noZAyYqV6BvgUmWW1mWrOQOTMrB+a0wQHvI3GVo7l6IjQktc8HEqH2iyZfUHoYijLH1"
    "ZYE928yUJNNjRmZj4gmHlpmhfij87pc7AksiLffsgh2zm7iiFzgTvkdzP6JGM0JByNt8Fa"
    "jFoll7lqdghqd6SKpt1VIRsZIdyCyeq3chcwrc7U7kJ8MXRDvuJN4Q9WCxNj43e5SHtEep"
    "dVLAeXW0FvHXcPth9zExvE30awm8a92WROgZvZVobjfOSuOsHLizktZ6YFvMaqYiI7RLi3"
    "EYrshWBiKBVJntioCmRBo4Ac6CO51FtwjtO+4ROmW/kKUGeAD9wMwqtbOBi/cxrOZlQlpw"
    "lpVviBexD5ieUDB2m7gkWPavevdXvbfXRskasANQk8x9TWHNLHzlwK4O/PYZz3zAQiy4Z9"
    "8RQaRREtJkGVrropp5yGp6inezyMboIc2NJP9CGBKESTReIjLD1H2DOJhORKVA9+97r9rd"
    "C0QFEhJml/03BDPVBgYL6oTIB0TnIHti5NS2j/qb0x8HsNK31kRWWtemg4VTJb7KStXuJM"
    "juU7yN47/NvD4kR3+jzBd5mlOobgs1ZyUbNR+0mpW920LHKbEmgX3g+m2iyx/zOZroct/R"
    "5Z8TBN0TIYIRF8KfqKi1LvARAdOGEc+QESRgVryi7I0OPqit4g4IJYIg5S8CPQpqP56gXh"
    "i1QOmUczsIVxYOdYmWE0nfMiHPrht4YFDOCFXBDkRTX0HERkcun3JfthBGUdyHgvNMiHtB"
    "zHWMGPyEUokeE1fgsYmhDmU9a62JoRrnfiXgdd7Vf1G+/nMG0y9EyRu5guEavoWWs5KNw3"
    "/IWm4c/sbhbxz+Uodfo17i7UfaWO3qqwE1t0dr7vvq7FCV1EEsULusQbu7SdoAuFZfcewW"
    "EgcTaNiseo80I1TDM3B7uUw6dyrec4wF6ncVrNPe5Bppe/U90nYB3SjhXTXVWBCs43zudj"
    "daObprVo5uHnEqzPieD7ZnlS+mlMo3V1MqnPYEBLc6W5uRa47XNsdrm4245i7Q3uPRcnOd"
    "nE/bHq7Cubg6IpZObG0PVSqHVheQ9pqNtBxi+y65cjGdGWU5yQxDa21mMmQ1LcVbIUE5oR"
    "5ByiwgPkEQEqA58Si3qYX+zcctpKsjtj5K+QSVuUvNFDXnobnHLVB78TzmLit/YA9s5JBA"
    "QKjKsKoBKfcOfloOVhlQgi0HKQiDFKhwuURUApPr8oVAR494Ion3eNxCmEGjXDoP7Eh3RL"
    "Eea2rwrBmBAL0PZiiwcASzI/j+jky6KJCFWZwz1ePFD0w3LRfUIjozavGvUKj7BL1DMyrU"
    "kVPFJAKuE9RTLSKbL1gAFwsHi9S+oi3USB8YgWqWKVCjiiiDhsLRwTB1c+JRwQRtzo7f6K"
    "ZhYNBZPpv7EhTjcV01/MTigQWc1AswU3XrAateeD6DbgGkCwdLXVHYKhQAkfuujRz8lQAT"
    "I6syvp8MaF37P1C/AS9FTNCdLlxY/GSo87uhPxPOEvX0udJ+2bqPCJTumJV8NCA04Ye7if"
    "OMHw1YvY8WKnPTqDhkr2EsvIfPK6k3pmI8EMnUMBJ4IZ7/Rnm7YO2rqNtYqMnJHrJuAxtc"
    "VO5Kg5QIPN+XbM72a5R29sWgyAMYV/tWYkaqhsZmP1+lTLytiitTVrKxPQe9PqX860qeRS"
    "LW2J9D1i8EwQJPSRULlBapzdfUfsgGVdin3ec+UY941HKMkg2isKS1bmcIJzwHc5Ll/yUs"
    "/0EPaHXArXxFWu0bsCmROvpC+0hCq5eqAsIhew3RPdvI0zxb42melXianEnCSlyQn++Ht6"
    "uCpFgk735QS6L/IpeKF5yjKQNXgZFxOiJMj256/8rDffXrsJ/3JlQF/T/bmH3/HziNF/s="
)
