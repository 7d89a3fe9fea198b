from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "job_runs" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "job" VARCHAR(64) NOT NULL,
    "slot" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "deliveries" INT NOT NULL,
    "attempts" INT NOT NULL,
    "affected" INT NOT NULL,
    "error" TEXT,
    "started_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP,
    CONSTRAINT "uid_job_runs_job_228721" UNIQUE ("job", "slot")
) /* One scheduled job run for one slot in this estate: repeated deliveries of the same */;
        CREATE TABLE IF NOT EXISTS "bill_notices" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "notice" VARCHAR(20) NOT NULL,
    "sent_at" TIMESTAMP NOT NULL,
    "bill_id" CHAR(36) NOT NULL REFERENCES "bills" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_bill_notice_bill_id_708dd5" UNIQUE ("bill_id", "notice")
) /* A notice sent about a bill by the schedule ("overdue", "before:3", "after:7"): the */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "job_runs";
        DROP TABLE IF EXISTS "bill_notices";"""


MODELS_STATE = (
    "eJztXWtz2zYW/SsYfakzo3riZ7zZnZ3xQ03dJnbGcdqdjTsMREIWawrg8mFF281/XwAkxD"
    "dFSKRE0pjpJA2JC0kHIHjvua+/Bh7CEHv7Hx1iI8dbDN6CvwYYzhD9n8y9IRhA247usAse"
    "HFt8sB2MMpHLx41dz4G6R+9MoOUieslAru6YtmcSTK9i37LYRaLTgSZ+jC752PyPjzSPPC"
    "Jvihx648sf9LKJDfSNTh7+037SJiayjMQXNg322fy65i1sfu3z5+urn/hI9nFjTSeWP8PR"
    "aHvhTQleDvd909hnMuzeI8LIgR4yYj+DfcvwN4tLwTemFzzHR8uvakQXDDSBvsXAGPxj4m"
    "OdYQD4J7E/jv8ZfrXYME27ub3XPo3uNW0ggZ1OMMPdxB4D6q/vwbwRIPzqgH3A5c/nd3tH"
    "p684BMT1Hh1+k8M1+M4FoQcDUQ56hDL/O4Pz5RQ6+TiL8Smk6RddB2NxIQI52mACPgFQA5"
    "AOZvCbZiH86E3pPw9fvy7B+LfzOw4zHcVxJvSJCB6Wm/DWYXCP4R3hCw2DLoYrA3FMZHso"
    "D5ratkmMTyphfFKC8UkWY91BDA0NelmYr+gdz5yhfKiTkim0jVB0X/xPF3c4/YHGLbYW4f"
    "lVAv799YfRp/vzDx/Zx81c9z8Wx+/8fsTuHPKri9TVvdPUOi0nAb9f3/8M2D/Bv29vRumT"
    "aTnu/t8D9p2g7xENk7lGN3901IqrArXv7GUxeYodZOzCGOpPc+gYWuJOtD3oWng5D+BFKP"
    "bTr3fIghzY7B4I35qf6RQdXP3vYr+Lq2IXMNjIISkCMntrdjhLX4EYPvKfxD6bfVIcqxzN"
    "Q2BYrHUsF6peheOLUGe40kPXClmDP5QW0iYtJFgUiXfkUqCHeshBpXfkQck78kC9I1/uOz"
    "K+6uLg0+SOsZRYnedZO96IaxxfGdUji3IW4p+Ig8xH/CtacKCv6XeBWM8zoHLM825Cm1E2"
    "6GUHzpev1vTmohgYyEIeR+GObvi768v7wfcqih3Rdd+meIY0xfrq3W04UZ9gT5wDY9OyNs"
    "Togk5RAZ5wxVuPTpMacLSdctTgxF4r1oVTe7tujZiebaaBgs9kardSiNulECt17SWqa+Kp"
    "lFTXUmJKXUvZPuyAk4Q0JqLgLNd+46+SDbXfu9hU3YR2pfabelYT2u/l+afL86vRILN5a4"
    "C2ZwxmGtbY8yptUDSpCi53dI4mGN/txYqg2DDKE9tzlc93kSP7lopEtot3K99Riu58ifrz"
    "Wi5BxRxVZY7m0KLv0g1R+p1P0leItkeudRIeGy5mQn9ZH6GPwSx9BclBuu+wabR64LoT8/"
    "UQtyb19XPfML0R9pxc7jZ2t1Rnh2ycZpHHdunsF+bjNfYktHYzu3HC13Br1Uf6ZelfP/7t"
    "8PDo6M3h66PTs5PjN29Ozl6f0bH8+2ZvvSlRgS6u313f3Cc1GnahXJeny01klfm4zAbafD"
    "sdMBuq81AXx13lIEq94IDsQ4TI6XGFAJHT48L4EHYrCTAZ/4l0LwBJAuWUmIK6OtR5h8NK"
    "oHNPBwVzHsxjNCFOzmb+5dPtTT7GkUTa6jd1D/wPWKZbRY/qzgHMoEhY9gLPvQ/n/0pDff"
    "n+9iJ9UrMJLtJH9cRDjgzsSwGF+vqoK76r+KB5sXxXo4aSrhM/368hbg3LTCQLGY/I0WAw"
    "tpEYF50YfL8ySxgxik7FuLTK4SHWp6oOJMb3UP05qxLxfVYc8H2Wifd+or9LBlwxvofgHh"
    "1WAPfosBBcdiv1thUniszujcn0EeQqGBdDnNHeoSXiGapzWDGh1URWXQi/bgreLRJZEe7T"
    "ENfqoAsJhfh6iEPLojofRo/QM5/zNjwhFoK4wHbKCKeWYUylm1qH5ZXtahwXt7fvE/r5xX"
    "UK5JvPHy5Gd3sH/Lihg0yvAHtlNRU/DC/WaoodhoRdyj6REn64n0mweTq2+tUcu3RZ6CSb"
    "OnaDWfoEkpTdnQ61KEbzFqN7Qv+oMd6inaxZPqIS5AR/6nKYCfE0rqQllk9+e5y3in+om3"
    "+AM0FTVdd2I5nt6bs98ZZHwLse9HypkjiRxBYr4pxf3l//NmpqT6dy/k+rpPynlaZYxv9p"
    "2oI2DTSziccoB+0JSVEVOaL1wL7byJDmiz05aIIYySNFayaE1sK5ZW9xVc1CGW6NpEeGzi"
    "LpuKq4lMrmK8/mg5HzbsOMs5gbsJvArkw6S+6sVuWd/UJ8B0OrMJI1cX9YwSJCdKQqB9p7"
    "m0hpjdvXGif085FjO2besVuMd0qshz7F+oMClVe8Qa94/GtJYJwSUyVvq5S8ba2lubuzWR"
    "maytBMjNuCh1C5wOpwgUnaNgKuvO4GEZIrLZr42jVq0nyJG9WxY+EPlbzXzuQ95RfajV9I"
    "hVVuKaxSK0jSqRBcqRWl66iNLrHRlVb5QrRK5b5YpTuuRWBGoDJeWra8eVxGAVruD0LCQ7"
    "ChNyjtcOgmtitdQvGtVeAQyjkSlLet2962MN4yxyCNIjGL7dFYia0my3yrNMh2utyU1dO0"
    "1WObWJtCdyqDcFymf0FZhycnVfyYJyfFfkx2L+XHhKZFTROGHPQ8NLPzipgV2pcF0r1JKz"
    "s8OH5zfHZ0ery0LJdXygzKrPFoEf2JAkVfhWZOy6xy8zEtW4MB2bJ93hF7UWBSajBOHPJf"
    "lONLLU0JjIRUKqBEKmAAm+Yg6Mq5rzOC/XtbqKatigOrcKapDic7rI/YLmqxoxXkS3gw1e"
    "VkIMHVlHU5WY+sqcCZifzY5hmzNmzvBviyjTgwXsI8hwETpc2L+a9l/fSGozCSegOFhY5I"
    "UWSx4Ax2z6BTMj2CK49BCqJc0IZiy+pmy7A/G+e5rosV9Eiih+HolaLRS4LR01q5Z3qWVE"
    "zpUqCHNGQj0f6lUdL36FsBPda/KOkyq2b0r/uEQZMpkbo0at7f3rwTw9N1U1NbeyFX21qM"
    "7+XGrvvcUDFzuyofxkHUbCgbM5oS7A3PrmIWd3261Oy9a2O1kKxq/XF0c3V98047v/z15v"
    "b396Ordx9Gwe7ZwnFeJU/usDhP7jCTJxc3fLLUbIGGEpMpI2U7uL9L4GWkaoaMe8JkzrMM"
    "1qG3c8SVm67NbjrDdG3fQ4W+oxKlPiPZB+fRthX7CEWXIittWOVKq3WQXwed8a3WGo9BRl"
    "Chvwb6yp/6Av2pvm2suepJSbXqbVn1HJUjp1uo8qI34EWnv0YW0piI6tmoHOhbdqCnN28N"
    "2H4Op+nkjl0Ja+xxlY5JiPkgiWfqm3aOZ37xGz5Rj7ZxMux+y42/O7InG62NwXbVJSP2eQ"
    "xEbjCGuD1cFZOh6bGRq0IzWPQNcMgc2MgBiDGwiP7cKQIWdD3ApgOBIx5MIV0PAxDf2wf3"
    "8IlCGN5xQaCTulTO5LsmDnLtH/CA2WwmZgctn4jbQWw0/aXYDRoID4FLltJT+IwAJuAR2i"
    "4gDjB82zJ1NuH+YFglBkUqduSlVPvYMDGiOFSEbQytKF6kzDWWElSusequMYkqSk0fg+HL"
    "teAUjF69Kw7B2Mt+9SF4DoLhwKWvLADH9AwCMDicxgt+yLj6FBm+hcDew4A8I8fw0QOd+y"
    "HsPvz2KPgXr7Lx9s3D4BU/5DKHYVMf9ICDDQtsaDrAdMF8Cj0wg0/00ERQnwJCT+FHAvjn"
    "0RvUBKCXdArFlMwR/RhA6ISYf4M/yRg4Pi48HL9wgNnN4LeoxNSWhdotH5HKoXZLiR66te"
    "sPmmHP7hrMXUysh7Rdd2m6LDvLXyByh1VMRPFz5YySeHtsyHiIAPVuQrqS8ohtqATlcXn+"
    "6fL8arSrkhnCrM8r4hhZ/MW6WZxcaF3egNiZaxd7VMpM3crMjgomt8ziTig0x1UUmuNihe"
    "Y4o9DYvkOXRQrimIjSGSvojLZDnum5I5UBE5fpIcj1905T0ewqmrotu7vmaOoJyusxXrKv"
    "QwFFgq63ozsRvd7h92ELGhal/Y4tUvEa6nJJf6fraWv2LSoQ70PMZ9Pti1iNNN9BFExDSs"
    "lOy/UP6/q7GQnMZsh14eNacMdE+4d4U22NfOa819bRwHOEldayntYiLEZtLdokX7p/j0Az"
    "HaemSH8ivqf5Tg67XWIGpeR6CXdFvEsBzyJumcyj5iLdQVKaTEawf5gfVYL8qATxI1X6r/"
    "9JC1VSVXQys5nzaa11T8mqhFjl9u70mkpkpahkH5WesmVoG0hP2W6wRjsPgrVjNXbe3wSN"
    "p4Q8jZ4LIjYS94elvU6CkRp6rhy8MbifojDg/wcXmHhMvgEyAcLIBMFUb4Hr0c1kgCC8Fc"
    "wRgNid0/uHr6ltTr8RVdYNFhwLB6k1q/0DHvCcOE9M8hv9YdaCR8iCPRFZS28k5wam8ao4"
    "SDbuveXD2Q5RobKtii5RXvkteOWXm18C5LhMD0FuxL/DAZLAWIzvIb6NMHw7CkVrmU60Ba"
    "BtuLAIzDkvfvl0e1NwKEciaY7B1D3wP2CZbocV+zxwGRgJZiFTjSZdeCb1fmQTpKvRdCLs"
    "gerVl6Pr30ZXTSkbjcepybfZUr21simkMRXDcUiOEldcumop0IcjedslqxykI/N5LUI4Ja"
    "o8AW0hiKt4AqjloyPXXWvh07LKE9BmT4Dy9L2U57slif8srX/CanIEq5FhKhP3h2VMJY6N"
    "bD7LTPF3O+XvfBc5spXfIpFmfWvdaJ0WP/Wf6JeXMf3E+B4SSPXn2KkOPU3zn2Ni5OQRFN"
    "uAYrzqySNfupseyDL0nBi/ETfXHX2/EWqO6Z1rWdxQ2VzK5lI2Vydtrnj/Oct8Ro65af3S"
    "uCV1Fcy56OCWKArNabRKZy52K6zVOMbVrFYtudTVSnjGJwD8PwT0KcQYWW+BbkH64C9DYF"
    "yEDVYvE2IDzKDzRO/wcnK8aGY2zKbe6R+wg+jUrNCnAxxk86OL15zDvA4dk3YBfKRrGhSx"
    "gxZ7+hdgjrA35JOGeVoucKdkXhyAg1OcQfh9VQxOu2x4sSwSplFMpIfG0VkF0+is0DA6y4"
    "Yt6KZt5obIloUtxIR6iPHhSaXeayclzddOMmm+3XCehx3vmjoklO+8Y75zXjVZ2oGelFJe"
    "dHkOZZltKxcZmRLrA/LbyM4NVNR1jOuEpKJQ2kyhtKIwr1pfRZEpikz1ylOrvlGvvAQjJs"
    "fE5IiqNNryNNo0V7Zhumc6XKebEK/M+8zZaG2q1R1fhY9RIsoKwvpjImWlImVtL4UkOGsW"
    "ivODK3hklsLJGzyFOZ374IawxlFBt6hwjV2wx1hiuukYw0zwq31wjX9kXzK1sLV/wANORJ"
    "YB6CAArTlcuGDumB4F6O9sHpfNpLPWVGgGTYvz1Z8+fKIzWYsmuk0pPrq/MWU7LUhZT0gZ"
    "fwhyHJaEWAjigtwMIZPCckyFmnqZCGS3C+TF7e37hDp2cZ0mjj5/uBjd7R1wrOkgM3ix5N"
    "SrneX5hctgDiUUyNVBnvnMmmBhjzlgF0c/pcS2n6AYO5bHvml5Jnb32eft4mRuJDZKmYiF"
    "S9EzE7El+Qrv6Aagut8lwRPzMU+jTg4oVaQfg6HM3KBjq3YsxFHpExd5rP+pCybE4ZEZwk"
    "ewDy4dxOr9mHQSrrGGtVCoou4sbLqH9zN6c50TK123FepY2+uftKjwev3+asN0bYs+3fzf"
    "EjCn5XoYhNGMpy86mLTlaZQFvtizXThBL1Zg215uaJvaGLpItixyWq5/fu5GCrGbrsYaoD"
    "/nNYspMwYTcsokrG4SUuDEN5dGPCa4RciXVzqLuXIDFx8x3bT2lBv4Ja56y238O8Ra1FHc"
    "S3reZsYMyyx9R4zWpNrgDs6BKNzLjHIPBvkVJtsDfmCBegTQKcHEITPmhTIdMIeWhTyWqw"
    "GBq0+R4VvobXAva/PXO/8DJjbCgFXFdVlF1q+8Pi7bh1+Bb7O5vgatXr4OAXGGYG7SJ9L3"
    "6ERsIGADh8shbDid9QELp91XTFV3zfGxxp7Yr8B0uf/ORo5JDPq1TEZZMKkxvQhN4+90Xp"
    "YxggwxhkqEOSgPGHrhhGGQMP2bfkmq/lvA9IDr6zpChstyVfiHWBDTSX0XuRUJji+xGO/E"
    "Fw86Dsv1KFZsyU7ZEpXC33QKv2rgqhq4tmWD193AlfdPlIQ4IdRDjA+qEYAl/F+mCIhQNW"
    "RgTgj1j2mqv3trGzPdctze55f317+NmlIymt7KFDLHC3TFDNDM4C0EOiZVZux28PQogZgZ"
    "qykAk/q2BIYZQQVjZB7Jsi854irLpj2MS5Zoi7oO5+rixR3n03Iq1zYTQEbfGKJ6hQSyab"
    "HtAXvUEWB5OjI7seXPp5SoOpvafDbxxVq3nXqucP/U/fp7qseBWxfwfmLdiBNfUL7jHK6g"
    "mNVNSqmEN+U07rn7UDmNX+KqFzmNVetd1Xq3zbnC1VrvFkc6xHD38YY1QJdRC3d+n9KzG6"
    "39mcCsLBIkxLRKFIhYyWrp0iGHJmIxeD5GENBAJgDy2IQhC9pAjhcV44R4AWZ0KPvzGbn7"
    "4HyQwrjOuR8wj5hw3YlvAfrrwJRQbGPxGT+44ImONzH4ypJLLJYXhxZfRZPdV295zU9eCH"
    "RKEUSYCpMHvIy9cMh8GKRrQ4ondBFw0ISFY7AoFER3hAGCeVl0DfvubKxLVyr8/JJ2vXR6"
    "/sTwcUvmNwRGFQ1tVyhGapWqEvspsRdN64udnYFvVR3F7TKQzYda1EZCdsMruj3nfhUe6q"
    "CYhzrI8FBdCQ9q2B2hYoN2vbXrjg1ak9BWXLY8ly0wm1EtlWr668AdE+0f4o0w2jFdX+r1"
    "mBSrBewWJRufVUH6rBjos0LPgSK5+0J3VurLS01XSaozJqJoznKaUxADG1Oc2UyhbsK7ku"
    "qMbS5pmrNJCu8XMi4g78I7wzLa7k8yliTsRFpU0N6G0WGijoprES9VjfBt1Awn6v8TZ7By"
    "ebt6P+IBh6oNL+nC47hY8x5Gqj2Zts169tA9zhKj6JxX9DATuVVUKwJPCNkuvUc/jbUFAF"
    "NEL+7x1K07ZFABgx7AP9K94CEH0P3sCxFMAAMTsUV+VUzQ0R/I7rHfpdi4drFx4dJUVevC"
    "4T20C0+rdJU5LW4qc5rtKcO2u6QuJ2R6qMV1RGurFMvWDbpwcPf55qbD/YLK+iYWkoZJod"
    "4Qh7Ux3aoJU92ATiZIzy1UVQxoTEQBmgZUuqGV6mW1QZUvnnS2Fu+UlOyhxtJj3mliYtOd"
    "rrXsKVGVdNE2RbUlNXjOqRKmTwc5lE14Z1hG2cBozCrCpnhhay5iW/g+zyUfct7k4UbfjH"
    "VofVRFMdlA9XI3t0tNsd0UE+kh6XB4clIlv//kpKSX7Ukm1CJoqVIV4XB4D9FtpkgtwV5u"
    "5HRxE4GYyPYbCOzmRVlbq4Cdvsy+/x8Nu9lH"
)
