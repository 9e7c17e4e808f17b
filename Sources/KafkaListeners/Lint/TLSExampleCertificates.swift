/// Certificates used by the TLS rules' documented examples, copied from
/// `Fixtures/certificates/examples` (made by `Tests/Scripts/make-certificates.sh`, valid until
/// 2099 except `expired`). The examples are the rules' documentation, so they embed real
/// certificates a reader can decode with `openssl x509 -text`.
enum TLSExampleCertificates {
  /// `broad.pem`.
  static let broad = """
    -----BEGIN CERTIFICATE-----
    MIIBdjCCARygAwIBAgICECMwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQtFaEyBPxFqI4L
    HKQYNJ8xYTF7XPgM1KHEOQLUQiFIda0u0J/dApeQsXLGmxnilaZ4tquyc8l5tjyi
    HoJ2nz+lo1wwWjAYBgNVHREEETAPgg0qLmV4YW1wbGUuY29tMB0GA1UdDgQWBBRg
    UEXCZkQ8AsxqBi0/DhvQSxs87TAfBgNVHSMEGDAWgBSsMoZX20l2LnF249FIsWPG
    qWn7ozAKBggqhkjOPQQDAgNIADBFAiEAzD2i+lgxi+APDhv5d2fofEHVee29Fqz8
    JiTOBo2TyeUCIE2En07Lynq/cMNrBesfpN3I73Xu/1hPR/3TT7iImk10
    -----END CERTIFICATE-----
    """

  /// `client-only.pem`.
  static let clientOnly = """
    -----BEGIN CERTIFICATE-----
    MIIBmjCCAT+gAwIBAgICECYwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBx/h1IhrqID
    KEkwm5/1kSIw7r4TJ24+nbUJv/4EGZtdWkGRIvpSsrc4Zxn4ftfIlmghIjZn9IrU
    diVHI/CILDijfTB7MCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFLNQlD6xdjaMSSUblBVX
    B6M3cIXqMB8GA1UdIwQYMBaAFKwyhlfbSXYucXbj0UixY8apafujMAoGCCqGSM49
    BAMCA0kAMEYCIQC2IgNUiMzbOQsAnEy+xQC05IE6Ev9eYQ3g7HHs68KAkwIhANY0
    2pDl/WKWtQmtskp6vghtAbAqDqiRBH1RjAdgymCj
    -----END CERTIFICATE-----
    """

  /// `expired.pem`.
  static let expired = """
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASigAwIBAgICECIwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAeFw0yMDAxMDEwMDAwMDBaFw0yMDAyMDEwMDAwMDBaMBIxEDAOBgNV
    BAMMB2thZmthLTEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ9qEjp2sZsc78x
    IaNTN70Tb7ulnUnA9XeLRciYTuFVJ9nflfD5j4pP99d+/r3qoSby/dtJIzSvBW6/
    plQpe6CZo2gwZjAkBgNVHREEHTAbghlrYWZrYS0xLmthZmthLmV4YW1wbGUuY29t
    MB0GA1UdDgQWBBSYqDbHfMcumBJW8Prczw0bouqswjAfBgNVHSMEGDAWgBSsMoZX
    20l2LnF249FIsWPGqWn7ozAKBggqhkjOPQQDAgNJADBGAiEA6mlChAtxmyQUg1Xe
    JSzNAzh0PhZKHl3c9cu3JDqGaPACIQD/C1Udzpyhyb05gSdrHj6SEurYEcMp5xYh
    GuEjnBNweA==
    -----END CERTIFICATE-----
    """

  /// `inner-wildcard.pem`.
  static let innerWildcard = """
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASSgAwIBAgICECUwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQCtfO1fZlEui56
    xdFfKeITR28TZn1++PJHO/FRslILYoQt7ElbqVL93BNKjiZlA/CXv+iE5r8cCV/K
    /h8mzxRyo2QwYjAgBgNVHREEGTAXghVrYWZrYS0xLiouZXhhbXBsZS5jb20wHQYD
    VR0OBBYEFCJooBA1YjPHJWmD01yF9uJqaZbKMB8GA1UdIwQYMBaAFKwyhlfbSXYu
    cXbj0UixY8apafujMAoGCCqGSM49BAMCA0gAMEUCIAoS0cgW/+QFtENJHgiNxfCz
    Cg8VxNxXH3n+xs5S8i9eAiEA7b4hF3AYL7mbyKJKKb6y7uphOSULnTYFHZQ9RdyJ
    0D0=
    -----END CERTIFICATE-----
    """

  /// `kafka-1-no-bootstrap.pem`.
  static let kafka1NoBootstrap = """
    -----BEGIN CERTIFICATE-----
    MIIBhDCCASqgAwIBAgICECEwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAIi8KOr68Q2
    WuBo7MvgylkEcBENIqTcJn4QEd07usA3COcyohPmOUl3FcvZf+F7cuiG+L9O35EM
    b6zn8cPUfaSjaDBmMCQGA1UdEQQdMBuCGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b20wHQYDVR0OBBYEFIpvAbbILKKdHbYrN3hGkRWhNoTeMB8GA1UdIwQYMBaAFKwy
    hlfbSXYucXbj0UixY8apafujMAoGCCqGSM49BAMCA0gAMEUCIQC/a8pVKJnCSuPy
    BKZrBBKwIHbT7Gu7rtzogON1XPnPwwIgLakl2LSg0iB+RovtSWsdtsKLa9ceKWTT
    hNqn6xjrw2o=
    -----END CERTIFICATE-----
    """

  /// `kafka-1-short.pem`.
  static let kafka1Short = """
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASOgAwIBAgICEB8wCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNW8a5XHNs71
    fIMQQl0Vbaz9V8IhqzuV3SkPQNQ2mIah2o3pfDiyUGcgDqBsCAW6TjBd4gANbo4i
    ZqkeScgzvNajYTBfMB0GA1UdEQQWMBSCB2thZmthLTGCCWxvY2FsaG9zdDAdBgNV
    HQ4EFgQULMyPTWrUztzEkWljs3yVTek6iVgwHwYDVR0jBBgwFoAUrDKGV9tJdi5x
    duPRSLFjxqlp+6MwCgYIKoZIzj0EAwIDSQAwRgIhAJtb0F2OVG1NN9qd+x1zl/EK
    vtPOvtbsHepITzfOoL4aAiEAuTHTdCzURMpoHbiWjmMdlB2EenwtA3G5Av4P60/L
    E04=
    -----END CERTIFICATE-----
    """

  /// `kafka-1.pem`.
  static let kafka1 = """
    -----BEGIN CERTIFICATE-----
    MIIBmDCCAT2gAwIBAgICECAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABByJq3VosIh0
    EpyPn8eCjRujeSUZeZztJhPlsRIrPQKX8GNNDtTHyWICupB8+S8SeaXyGCsYYhVd
    l/pgc9uN0L+jezB5MDcGA1UdEQQwMC6CGWthZmthLTEua2Fma2EuZXhhbXBsZS5j
    b22CEWthZmthLmV4YW1wbGUuY29tMB0GA1UdDgQWBBRn9iekWYNLVCT/opbCv0WS
    O39kGjAfBgNVHSMEGDAWgBSsMoZX20l2LnF249FIsWPGqWn7ozAKBggqhkjOPQQD
    AgNJADBGAiEAkoK1rJBM0KiFwdL75vzjdmA9RgUZ9QzypwjW/wUavX8CIQD2ci+V
    pXtzBbgfGtgCAHFGFWTvMHajyaeriTkgIGtQPQ==
    -----END CERTIFICATE-----
    """

  /// `server-client.pem`.
  static let serverClient = """
    -----BEGIN CERTIFICATE-----
    MIIBpTCCAUugAwIBAgICECcwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2EtMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIUu7TEfE9r4
    mvVADqS3l9KPrAOWo9MGYFbrVri2/Vkik/jac+x7NPsvzq8h+mEyQRp3WUxGYnaj
    BKHF718zdGqjgYgwgYUwJAYDVR0RBB0wG4IZa2Fma2EtMS5rYWZrYS5leGFtcGxl
    LmNvbTAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwHQYDVR0OBBYEFLfi
    tX32H9nv3ahOGiHOzRFj5/0cMB8GA1UdIwQYMBaAFKwyhlfbSXYucXbj0UixY8ap
    afujMAoGCCqGSM49BAMCA0gAMEUCIQDxAfD6TW0IaT8FExhjpk8hm0gSOdMrc+Gz
    9YwQtBXLKAIgKI9glrWt76DpqKVFrpZGQFaPKTYk9ap3A6TwMe1+Oxw=
    -----END CERTIFICATE-----
    """

  /// `shared.pem`.
  static let shared = """
    -----BEGIN CERTIFICATE-----
    MIIBfDCCASKgAwIBAgICECQwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEDEOMAwG
    A1UEAwwFa2Fma2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQRkMVLAbvChwUA
    TRUklf3LXr6s42I4srqSfY6OqVvT6lLFn67rPw/ovlxIQ2jkA28LQdceWep8qFUj
    9+vP8rhTo2IwYDAeBgNVHREEFzAVghMqLmthZmthLmV4YW1wbGUuY29tMB0GA1Ud
    DgQWBBTmk4tU/lZY0hkQXD3hiuflsZAzMTAfBgNVHSMEGDAWgBSsMoZX20l2LnF2
    49FIsWPGqWn7ozAKBggqhkjOPQQDAgNIADBFAiEAw2L9IsWzyT1/+om1p3hleFdK
    HlZEgSDMXcqYQ7NWU2YCIEBcOnFfT5tK+OcCqmBGYhPlsWJTqfOUraACasaQ8RV6
    -----END CERTIFICATE-----
    """

  /// `underscore.pem`.
  static let underscore = """
    -----BEGIN CERTIFICATE-----
    MIIBgzCCASqgAwIBAgICECgwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNVGVzdCBL
    YWZrYSBDQTAgFw0yNTAxMDEwMDAwMDBaGA8yMDk5MTIzMTAwMDAwMFowEjEQMA4G
    A1UEAwwHa2Fma2FfMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHBUMghCabYs
    67547pQB3Q32gNVBHgZ3pNFdECDwwssZ+rpPGj+CgiEgS8qti9s0rPF2I1eCcXU+
    Ez4nFC+TmoOjaDBmMCQGA1UdEQQdMBuCGWthZmthXzEua2Fma2EuZXhhbXBsZS5j
    b20wHQYDVR0OBBYEFNu4e7KV5HYfhG9CM8a4TabCtKbyMB8GA1UdIwQYMBaAFKwy
    hlfbSXYucXbj0UixY8apafujMAoGCCqGSM49BAMCA0cAMEQCIG6m2xgbdOb6reCy
    546xFmwQ+2McR3vJbmQsAcbTXfc5AiAWhsY2JyyOqaNcc4UtLRiEYJDT86VvRipx
    owHJZrUxgQ==
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
