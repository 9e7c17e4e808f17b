/// Certificates used by the TLS rules' documented examples, copied from
/// `Fixtures/certificates/examples` (made by `Tests/Scripts/make-certificates.sh`; leaves valid
/// until 2099 except `expired`, the test CA `ca` until 2035). The examples are the rules'
/// documentation, so they embed real certificates a reader can decode with `openssl x509 -text`.
enum TLSExampleCertificates {
  /// `broad.pem`.
  static let broad = """
    -----BEGIN CERTIFICATE-----
    MIIBdTCCARygAwIBAgICECMwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ+VYtAREhyo7Mk
    TsVJhtrO8VYtY7+Y7p/y1l72XhSGXgjWEfJmmmNVKZwpxOMzVWfC1b1LoG1SBLHQ
    YffI/0VPo1wwWjAYBgNVHREEETAPgg0qLmV4YW1wbGUuY29tMB0GA1UdDgQWBBRU
    90D2COJgYkm2hC5wqpXA3c4OcDAfBgNVHSMEGDAWgBQyXM/ZXIZLm7MzMB6qk00N
    rHBzfjAKBggqhkjOPQQDAgNHADBEAiBpii3dmQyWsUQRN2uS4UvBhHxBsy6FHZyw
    QR2/M405rgIgdQMeN9TTh1bpugMEJIfecstvteWF57lL25foDbnDw1s=
    -----END CERTIFICATE-----
    """

  /// `ca.pem`.
  static let ca = """
    -----BEGIN CERTIFICATE-----
    MIIBYzCCAQigAwIBAgICEAAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBgxFjAUBgNV
    BAMMDVRlc3QgS2Fma2EgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT+HtUq
    Tw7GbRiWMrUOv5qN5NyUB7UbHiWDWw+DLMVCtbb/PuRGy+GPcPeSALwrACRLgM8Z
    UFeI/5w5ZO/IjFrLo0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIB
    BjAdBgNVHQ4EFgQUMlzP2VyGS5uzMzAeqpNNDaxwc34wCgYIKoZIzj0EAwIDSQAw
    RgIhAKuROYRHVA9mOrsvAW6KkYZ+dUVPtu6itaMR3LO+eCbeAiEA2puWV8/gIlkL
    j1yFkb132Jx/RnMB84hG9G1pl429zt8=
    -----END CERTIFICATE-----
    """

  /// `client-only.pem`.
  static let clientOnly = """
    -----BEGIN CERTIFICATE-----
    MIIBmTCCAT+gAwIBAgICECYwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNUoR1uKLKV0
    ZJ/24Vs2yTbA3G6sdujwbsRT8F5TE8+yECgttSLGnsdDHnVhdNJGrE19lD6lx737
    rUbNtMg45g+jfTB7MCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFJTssLS901BfvAIZlQan
    2zjBbXn9MB8GA1UdIwQYMBaAFDJcz9lchkubszMwHqqTTQ2scHN+MAoGCCqGSM49
    BAMCA0gAMEUCIQCaGDXFKCMrtd5CnXSl2v6Pc28bOOswXVxY3Z7HOmDw1wIgIcgn
    aiKXyWz4XLVV2rnqnpe/vLpjYs2EcekXgQDrhJA=
    -----END CERTIFICATE-----
    """

  /// `expired.pem`.
  static let expired = """
    -----BEGIN CERTIFICATE-----
    MIIBgjCCASigAwIBAgICECIwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAeFw0yMDAxMDEwMDAwMDBaFw0yMDAyMDEwMDAwMDBaMBIxEDAOBgNV
    BAMMB2thZmthLTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASmsqAaeKDqZbzx
    IdJGM2bZiU0wIL35VfN8wGLqOi9H/aSM7No9yEEnQfCRArNMfApCi+I68yVLRWwS
    PoGgCasto2gwZjAkBgNVHREEHTAbghlrYWZrYS0xLmthZmthLmV4YW1wbGUuY29t
    MB0GA1UdDgQWBBT70GOqCCLfoDzx08M8zw/Xte4MkzAfBgNVHSMEGDAWgBQyXM/Z
    XIZLm7MzMB6qk00NrHBzfjAKBggqhkjOPQQDAgNIADBFAiBO3KS3RU4CUK2IYnkt
    EAjIGBm3rYejSL8xMa4XieMovwIhALFrgux7se8NE/igYeFEEP0HGUaRFcsKUGx6
    ZlaIjZIw
    -----END CERTIFICATE-----
    """

  /// `inner-wildcard.pem`.
  static let innerWildcard = """
    -----BEGIN CERTIFICATE-----
    MIIBfzCCASSgAwIBAgICECUwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARFIJjYvDTquoI0
    8ymMevjrJPs5cvV4wclbYkxjTQm2esYnnhgpkpiIj7p83R33kYsNfc6kpc3o8rvk
    Bor1lkKbo2QwYjAgBgNVHREEGTAXghVrYWZrYS0xLiouZXhhbXBsZS5jb20wHQYD
    VR0OBBYEFE9scQi3TbhZlVesq5d/EHac5M6UMB8GA1UdIwQYMBaAFDJcz9lchkub
    szMwHqqTTQ2scHN+MAoGCCqGSM49BAMCA0kAMEYCIQCb4qSVX0FAVhkid2WZcwG7
    oYUBrDYbx3dwpjT7CrpGOAIhAKgG9DofizUHxCCgcyd6IhwIhqIQkA+U1tbsXxAY
    KbTb
    -----END CERTIFICATE-----
    """

  /// `kafka-1-no-bootstrap.pem`.
  static let kafka1NoBootstrap = """
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASqgAwIBAgICECEwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABC5RlJV5plI7
    Ps2O2A1n2uUoyJze+ZgbT9RjSlne2IYy0VbYeEZm+SaS0XvqpRwV7KmPNbHygJQh
    BZT/5oE7/XGjaDBmMCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wHQYDVR0OBBYEFJDcgkOLrrHmv66cdNDxmq/PicX4MB8GA1UdIwQYMBaAFDJc
    z9lchkubszMwHqqTTQ2scHN+MAoGCCqGSM49BAMCA0cAMEQCIE+5vUxFyq52BF2z
    OCeRtZUAsK3hzqH1F5u5XZhWvQjhAiAyytVejw2/t9MCx+b4hAXjfVodfVKMwop+
    1gZsmCoBGg==
    -----END CERTIFICATE-----
    """

  /// `kafka-1-short.pem`.
  static let kafka1Short = """
    -----BEGIN CERTIFICATE-----
    MIIBfTCCASOgAwIBAgICEB8wCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKmF+A1r2fN5
    qWQSc0WJNUW+7c51TbrwiPkOuUvAllBMqIWUaBg7O36FeETVshhzGT4pzTZKgMVr
    Bpf+uKdfCcGjYTBfMB0GA1UdEQQWMBSCB2thZmthLTGCCWxvY2FsaG9zdDAdBgNV
    HQ4EFgQU6feZr4Cj9uW1OqDTRc05uIRdquQwHwYDVR0jBBgwFoAUMlzP2VyGS5uz
    MzAeqpNNDaxwc34wCgYIKoZIzj0EAwIDSAAwRQIhAPKeaKQaByUMPaBYCYNXA57r
    lG6o8tbwpGuwvMjQ27LmAiBdhC+a4yYaB8KjQSvm+/wPvg6xvVbvmQBnHXFS/nJj
    Hw==
    -----END CERTIFICATE-----
    """

  /// `kafka-1.pem`.
  static let kafka1 = """
    -----BEGIN CERTIFICATE-----
    MIIBlzCCAT2gAwIBAgICECAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEqKecSCt6bI
    jjP4SCPRrY3qanY60XR9dhtGhjns9fNv1AWiOe8GqTTtKB0oGgpuf3A69CEj9+Xz
    wXE/mso1NZWjezB5MDcGA1UdEQQwMC6CGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b22CEWthZmthLmV4YW1wbGUuY29tMB0GA1UdDgQWBBTgy3gq0Esm8M1iapTGFeWc
    oiAwCTAfBgNVHSMEGDAWgBQyXM/ZXIZLm7MzMB6qk00NrHBzfjAKBggqhkjOPQQD
    AgNIADBFAiBvax0a8VcltZhnxyN/5fg0Jw8/2H9MdNuRF0cXqtzAkwIhAJSVaP7G
    KgNe3tkPeTHK0Fl4sePyqud4AtBYnyO8zxVW
    -----END CERTIFICATE-----
    """

  /// `other-ca.pem`.
  static let otherCa = """
    -----BEGIN CERTIFICATE-----
    MIIBZjCCAQygAwIBAgICECkwCgYIKoZIzj0EAwIwGTEXMBUGA1UEAwwOT3RoZXIg
    S2Fma2EgQ0EwIBcNMjUwMTAxMDAwMDAwWhgPMjA5OTEyMzEwMDAwMDBaMBkxFzAV
    BgNVBAMMDk90aGVyIEthZmthIENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
    IfEpNSM2oRXlsbOFgQ7x349jupgD3QGg8m/tl3HvHV5GS3EG9XVrY7dbudw/Q489
    w3uhFdi6Vs7PEuiWzi2oaqNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8E
    BAMCAQYwHQYDVR0OBBYEFGopQVGGvZlXAZJXb5dMFeLAUxKcMAoGCCqGSM49BAMC
    A0gAMEUCICEeCHSd4D8xFyuJzTFg3vjKCxSEWLotzJmyVrqpUym8AiEAm6ykdd/J
    VVduU69T9zUFuG3Wm+COThVILQbArF0e2Gg=
    -----END CERTIFICATE-----
    """

  /// `server-client.pem`.
  static let serverClient = """
    -----BEGIN CERTIFICATE-----
    MIIBpjCCAUugAwIBAgICECcwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCNgq04Ks40e
    IEv8E8rrvUCFkTZxLgIk801QwlGuip/K0IEJYm+mYut1wvOmNFQF+wR72DdHKwr/
    dd6ou18CLK6jgYgwgYUwJAYDVR0RBB0wG4IZa2Fma2EtMS5rYWZrYS5leGFtcGxl
    LmNvbTAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwHQYDVR0OBBYEFBnf
    sIDn1VP62R3L/o1bQu3LQpmYMB8GA1UdIwQYMBaAFDJcz9lchkubszMwHqqTTQ2s
    cHN+MAoGCCqGSM49BAMCA0kAMEYCIQCD1WWtEC6qIZ8m1Bo8wriB/pEDMEg89GtV
    KeR3zoXkJQIhAKIxovZftGoW4aKaMdCRi/eQTaHuNkne6i6wvfAsxg4C
    -----END CERTIFICATE-----
    """

  /// `shared.pem`.
  static let shared = """
    -----BEGIN CERTIFICATE-----
    MIIBfDCCASKgAwIBAgICECQwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATp/BM54txEqh2B
    lZgbWKX8zqbNpaqspXB9GL7JFNO17gOOFZnQj+Kffv4ZUjOjGj+5g74AHWh/42Wm
    eOLFP9TTo2IwYDAeBgNVHREEFzAVghMqLmthZmthLmV4YW1wbGUuY29tMB0GA1Ud
    DgQWBBRQ7ZGci/lYYyUa6H6heZ8qC6HERzAfBgNVHSMEGDAWgBQyXM/ZXIZLm7Mz
    MB6qk00NrHBzfjAKBggqhkjOPQQDAgNIADBFAiAslRrehw2cT0OO0GqS5PBLrtiS
    QsuZZay1H5F3BKqV/wIhAIg45B/7704dBYs3n8NHhRQnFZDC4r2NnlUHi6dWk2Up
    -----END CERTIFICATE-----
    """

  /// `underscore.pem`.
  static let underscore = """
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASqgAwIBAgICECgwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2FfMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAiUEwCdB/rE
    1GOngk8kvl2GrFmJAV+rXp+PcS+oVMZgQ4ajasUfUIo/f0b7GeHJaCUg94gjbKr2
    7enOyCYmAHqjaDBmMCQGA1UdEQQdMBuCGWthZmthXzEua2Fma2EuZXhhbXBsZS5j
    b20wHQYDVR0OBBYEFPTaQk3qhhPA/5TJ/P2HOq4JWR35MB8GA1UdIwQYMBaAFDJc
    z9lchkubszMwHqqTTQ2scHN+MAoGCCqGSM49BAMCA0cAMEQCIDAb/0Zf+ucbTwKW
    mQ8kuboBRC0gsF3GOWcg9dKr5UeXAiBfjXCyw7eGCKQIJhN9v6SMUannjlTvQ33p
    KcQ7lYCQHQ==
    -----END CERTIFICATE-----
    """

  /// A `ssl.keystore.certificate.chain` value for a properties file: the PEM text on
  /// continuation lines, as Kafka's PEM keystore documentation writes it.
  static func propertiesValue(_ pem: String) -> String {
    pem.split(separator: "\n").joined(separator: " \\\n  ") + "\n"
  }
}

/// `text` with every line indented by `spaces`, for PEM blocks inside YAML examples.
func indented(_ text: String, by spaces: Int) -> String {
  let pad = String(repeating: " ", count: spaces)
  return text.split(separator: "\n").map { pad + $0 }.joined(separator: "\n") + "\n"
}
