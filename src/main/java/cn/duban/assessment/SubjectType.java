package cn.duban.assessment;

public enum SubjectType {
  UNIT,
  PERSON
}
