package cn.duban.ledger;

public enum SubjectType {
  UNIT,
  PERSON
}
