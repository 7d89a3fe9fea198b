from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" ADD "payout_provider" VARCHAR(16);
        ALTER TABLE "estates" ADD "auto_payout_threshold" BIGINT;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "estates" DROP COLUMN "payout_provider";
        ALTER TABLE "estates" DROP COLUMN "auto_payout_threshold";"""


MODELS_STATE = (
    "eJztm+tz2jgQwP8VjT8lM7lMeORxnZubgTRtuTbQSUjvpk3HFbbAuhqJWnII18v/fiv5hY"
    "3N4RZS4vIlgdWuHj/J2tXKfDWEgz1iH14IiSUxnqGvBsNj9SFTcoAMPJkkciWQeOBqVaJ1"
    "hFYaCOlhS4J4iF1BQGQTYXl0IilnIGW+6yoht0CRslEi8hn94hNT8hGRDvGg4MNHEFNmk3"
    "uoPPw6+WwOKXHtVF+p7o+Wm3I20bKbm87zF1pTNTcwLe76Y5ZoT2bS4SxW931qHyobVTYi"
    "jHgwJHtuGKqX4YAjUdBjEEjPJ3FX7URgkyH2XQXD+G3oM0sxQLol9af5e9i1OTXT7Pb65v"
    "VF3zSNEuwszhR3yqQC9fUhqDcBoqWGauD8Vetqr3GyrxFwIUeeLtS4jAdtiCUOTDX0uRXh"
    "+qNFzuewHvI5R/oZ0tDRzTCO8GwAqDHG96ZL2Eg68LV5tATwu9aVZtw80ow5PA3BU9INS+"
    "q6SKFO0Or/JdBG+utBGwkStsmz++hw60er0AWtQry6LM3X8j2PMGtWhvG8TQU5N1ag3Chk"
    "3MgSlnRM/uGs1Cqet6kg4ZPmCohPmoWMVVEasvKzvii1B8cWjwfYeHvVe9e57vS6ne7LTb"
    "m4NOrayQqoayeFqFVRGvXExXLIvbE5JMQcTHKgd5jMZ55nmqEPo9gU/aNNAR+pHvxSrzVP"
    "m2eNk+YZqOhexpLTJXPQ6faXAR7Se5ITw7XpaDXKsX1lOP9arzcap/WjxsnZcfP09PjsKA"
    "a+WLSMfLvzUsFPLfyc2cAz7ktz4vE7ahOvzBaTY/pNe00Yz23nXr7+DQb7kpshO+lAFO5w"
    "t+QjUFjFNz0F28b/hzwHlkcUIRPLxal4DiUqZCkIF1OWmRmwQ9PD6MNTDG5ggHaPubNwrS"
    "xh3e9cXlz3W5dvVXNjIb64ml+rf6FK6lo6y0j3sg9PXAn6s9N/hdRX9L7XvcieXGO9/ntD"
    "9Uk/FYxPTWzPHRMjaUTtQSUThp/nDrpKMMDW5yn2bDNVkiyPMRkPiCccmhcQtEPjF6+vCD"
    "gnhTdnLwzSKpdxRU9wJTxEaz+SRitCIeR1XgR1sWhcH2clmOGRHpJqW7W0SCwnTZXmWZyq"
    "ykzgetNVHwxfBA6QxFkzj0PDH3eJrG1KZOk5KRHhRPoVPKOuP67ZedCfxYPOz3qw4Znl9q"
    "+U0Tq3se3wj9+0ayVIlS8pCXTOZIcTcC7EeGm6i2hfcI/QEXtNZhpwB/qBmZW7+Qdxx01Y"
    "zdNEuhDBqYAFT+PAZH5Bwdht4hIZ+MrW9Xnr+YWRswesAWpy51hRrKmNLx9s8Wlkk0G2Xs"
    "454XW0zIsDa7VSdjfAFQ+cyRhTt0zkHBtU7g64frzK7Q5oFV9THi/c7wyhYbPsXXDKqIJH"
    "lI1cCE+ckneVsUH1ctuN+ipXwfXiu+D6Al0sxJSDM3KwcMrdJWQMq7iej49X2jmOl+wcx1"
    "niVJjxhRi2x5TlpCc5dwlmBR4xzz4DfwAVbIp+LHlcX9ju9d6kTtjtTuaKoHtz2b642qvp"
    "yQAlKgtuDoAgRD30LmdX+T/yid0jEo9c55MFvks0FW841Uo07a5qntZVzbXlENt3ybmL6d"
    "jIOU6mFQ6WnStFqGpaSne1E6bRYwQNqUeQen4RHyKI3dCEeJTb1EJ/88EB0tURGw1miNxD"
    "Ze5MK0XNeWjicYsIcWhkOK+18lt2y/oOCQyEqgyrGpDyw/DRcmDKniGCLQcphALBuRgJl0"
    "tEJSi5Lp8KtPcJDyXxPu0fIMygUS6dW7anO6JU97U0+K4VQQC9D1YoqHAEqyN42VEmXRTI"
    "wgwxQtVJPBgvvmW6aTmlFkGMe2B4B4W6T9A7NKZCwKiVkgi0DlFLtYhsPmUBLhYOFqkkkC"
    "3USG8ZgWpmc1CjiiiDhsLRwTB1c+KTwgRtjvef6aZhYNBZPp74EibG47pq+IjFLQs0qRcw"
    "U3XrAateeD6DbgHSqYOlrihsFQpAyH3XRg6+I6DEiF4FuTd+0Lp2VFC/AQ9FLNCdXrj4+2"
    "AIoBw6nnCVqG8fSyU2lr0TkpvayHkBJNxrt/e0/YivfxQnPMLJXPX4EqpX8NCygXdZ1RNT"
    "MnCLbCoYsj2REC1isvQyMNj7Ss5tbLSGyd2ydEuV5jbwwYuTW+iQEoPHeze3tlmntLZ3oK"
    "MIYFDuhykpqwo6m838BCiJtkruTGnLne/Z6v1pLr4uFVkkZjv/s83zC4dggUekjAeaN6nM"
    "70O+yweVSKhtMk/UIh61HCMnQRSWHCzLDOFEZ2teOfhZjuXfGQEVH7hVrBhmY1cNh+ZMqh"
    "gLbeK2UD1UJQiH6hWkW1sp0qwtiTRrOZEmZ5KwnBDkj+tet+iQFJtkww9qSfQvcqnYmKf6"
    "MZGHgpEKOiKme5etv7K4z9/02tloQlXQ/tHO7OE/wFgycg=="
)
